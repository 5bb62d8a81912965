import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { ResetPasswordForm } from "@/components/reset-password-form";
import { describePasswordResetLink } from "@/lib/accounts/recovery/password-reset";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("passwordReset");
  // The token is in this page's address: never send it on to another site.
  return { title: t("title"), referrer: "no-referrer", robots: { index: false } };
}

/** Opening a reset link only shows the form (mail scanners open it too); the POST sets the password. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await describePasswordResetLink(token);
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-5 py-10">
      <p className="text-lg font-bold text-brand-700">{t("app.name")}</p>
      {link.status === "active" ? (
        <>
          <h1 className="mt-2 text-3xl font-semibold">{t("passwordReset.title")}</h1>
          <p className="mt-3 text-stone-700">{t("passwordReset.intro", { username: link.username })}</p>
          <ResetPasswordForm token={token} username={link.username} />
        </>
      ) : (
        <>
          <h1 className="mt-2 text-3xl font-semibold">{t("passwordReset.problemTitle")}</h1>
          <p className="mt-3 text-stone-700">{t(`passwordReset.${link.status}`)}</p>
          <div className="mt-8 space-y-3">
            <Link
              href="/sign-in/forgot"
              className="block w-full rounded-lg bg-brand-600 px-4 py-3 text-center text-lg font-semibold text-white hover:bg-brand-700"
            >
              {t("passwordReset.requestNew")}
            </Link>
            <Link
              href="/sign-in"
              className="block w-full rounded-lg border border-stone-300 bg-white px-4 py-3 text-center text-lg font-semibold text-stone-900 hover:bg-stone-50"
            >
              {t("passwordReset.toSignIn")}
            </Link>
          </div>
        </>
      )}
    </main>
  );
}
