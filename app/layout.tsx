import type { Metadata, Viewport } from "next";
import { ClientMessages } from "@/components/client-messages";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#16803c" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <ClientMessages area="app">{children}</ClientMessages>
      </body>
    </html>
  );
}
