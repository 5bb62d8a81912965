import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { LoginRequestForm } from "@/components/login-request-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("loginRequest");
  return { title: t("title") };
}

export default async function LoginRequestPage() {
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-5 py-10">
      <p className="text-lg font-bold text-brand-700">{t("app.name")}</p>
      <h1 className="mt-2 text-3xl font-semibold">{t("loginRequest.title")}</h1>
      <p className="mt-3 text-stone-700">{t("loginRequest.intro")}</p>
      <LoginRequestForm />
      <p className="mt-6 text-center">
        <Link href="/sign-in" className="text-stone-700 underline underline-offset-2">
          {t("loginRequest.backToSignIn")}
        </Link>
      </p>
    </main>
  );
}
