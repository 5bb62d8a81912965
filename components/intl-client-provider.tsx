"use client";
import { NextIntlClientProvider } from "next-intl";
import { formats } from "@/lib/i18n/formats";

type Messages = { [key: string]: string | Messages };

/**
 * next-intl's provider for client components with the app's date formats read from their module
 * (lib/i18n/formats.ts) instead of handed over as props: next-intl's server provider puts them into
 * every page's payload, once per layout that sends texts.
 */
export function IntlClientProvider({ locale, timeZone, messages, children }: { locale: string; timeZone: string | undefined; messages: Messages; children: React.ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} formats={formats} messages={messages}>
      {children}
    </NextIntlClientProvider>
  );
}
