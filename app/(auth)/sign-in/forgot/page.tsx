import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { ForgotPasswordForm } from "@/components/forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("passwordForgot");
  return { title: t("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-5 py-10">
      <p className="text-lg font-bold text-brand-700">{t("app.name")}</p>
      <h1 className="mt-2 text-3xl font-semibold">{t("passwordForgot.title")}</h1>
      <p className="mt-3 text-stone-700">{t("passwordForgot.intro")}</p>
      <ForgotPasswordForm />
      <p className="mt-6 text-center text-stone-700">
        {t("passwordForgot.forgotUsername")}{" "}
        <Link href="/sign-in/request" className="underline underline-offset-2">
          {t("passwordForgot.toRequest")}
        </Link>
      </p>
    </main>
  );
}
