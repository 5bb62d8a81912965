import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { SignInForm } from "@/components/sign-in-form";
import { toSafeDestination } from "@/lib/accounts/rules";
import { getSessionCheck, SESSION_ENDED_PATH } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

type SignInSearchParams = { callbackUrl?: string | string[]; reset?: string | string[]; signedOut?: string | string[] };

export default async function SignInPage({ searchParams }: { searchParams: Promise<SignInSearchParams> }) {
  const query = await searchParams;
  // Only a path on this site is honoured; "//evil.com", "https://…" and the like are dropped.
  const callbackUrl = toSafeDestination(query.callbackUrl);
  const session = await getSessionCheck();
  if (session.status === "ok") redirect(callbackUrl ?? "/my");
  if (session.status === "provider") redirect(callbackUrl ?? "/provider");
  // A refused cookie (blocked, ended) is cleared on the way, and a blocked member is told so.
  if (session.status !== "none") redirect(SESSION_ENDED_PATH);
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-5 py-10">
      <p className="text-lg font-bold text-brand-700">{t("app.name")}</p>
      <h1 className="mt-2 text-3xl font-semibold">{t("signIn.title")}</h1>
      <p className="mt-3 text-stone-700">{t("signIn.intro")}</p>
      {query.reset === "done" ? (
        <p role="status" className="mt-4 rounded-lg border border-green-300 bg-green-50 p-3 text-green-950">
          {t("signInHelp.passwordSaved")}
        </p>
      ) : null}
      {query.signedOut === "everywhere" ? (
        <p role="status" className="mt-4 rounded-lg border border-green-300 bg-green-50 p-3 text-green-950">
          {t("signInHelp.signedOutEverywhere")}
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
      <nav aria-label={t("signInHelp.label")} className="mt-6 flex flex-col items-center gap-1">
        <Link href="/sign-in/forgot" className="px-2 py-2 text-stone-700 underline underline-offset-2">
          {t("signInHelp.forgotPassword")}
        </Link>
        <Link href="/sign-in/request" className="px-2 py-2 text-stone-700 underline underline-offset-2">
          {t("signInHelp.requestLogin")}
        </Link>
      </nav>
    </main>
  );
}
