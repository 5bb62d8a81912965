import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { ResendCodeForm } from "@/components/resend-code-form";
import { VerifyCodeForm } from "@/components/verify-code-form";
import { readSecondFactorChallenge } from "@/lib/accounts/two-factor/challenge-cookie";
import { describeChallenge } from "@/lib/accounts/two-factor/two-factor";
import { getActor } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("twoFactor");
  return { title: t("title") };
}

export default async function VerifyPage() {
  if (await getActor()) redirect("/my");
  const t = await getTranslations();
  const challenge = await readSecondFactorChallenge();
  const state = challenge ? await describeChallenge(challenge) : ({ status: "invalid" } as const);
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-5 py-10">
      <p className="text-lg font-bold text-brand-700">{t("app.name")}</p>
      <h1 className="mt-2 text-3xl font-semibold">{t("twoFactor.title")}</h1>
      {state.status === "active" ? (
        <>
          <p className="mt-3 text-stone-700">{state.method === "email" ? t("twoFactor.introEmail") : t("twoFactor.introTotp")}</p>
          <VerifyCodeForm hint={state.method === "email" ? t("twoFactor.codeHintEmail") : t("twoFactor.codeHintTotp")} />
          {state.method === "email" ? <ResendCodeForm /> : null}
        </>
      ) : (
        <div className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
          <p>{t(`twoFactor.${state.status}`)}</p>
          <Link
            href="/sign-in"
            className="mt-4 block w-full rounded-lg bg-brand-600 px-4 py-3 text-center text-lg font-semibold text-white hover:bg-brand-700"
          >
            {t("twoFactor.restart")}
          </Link>
        </div>
      )}
      {state.status === "active" ? (
        <p className="mt-6 text-center">
          <Link href="/sign-in" className="text-stone-700 underline underline-offset-2">
            {t("twoFactor.backToSignIn")}
          </Link>
        </p>
      ) : null}
    </main>
  );
}
