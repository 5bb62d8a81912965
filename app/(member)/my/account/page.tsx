import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { ConfirmSubmitButton } from "@/components/confirm-submit-button";
import { ChangeUsernameForm } from "@/components/member/change-username-form";
import { ChooseLanguageForm } from "@/components/member/choose-language-form";
import { signOutEverywhere } from "@/lib/accounts/sign-in/actions";
import { getOwnAccount } from "@/lib/accounts/own-account/own-account";
import { requireMember } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

const linkButton =
  "mt-4 block w-full rounded-lg border border-brand-600 bg-white px-4 py-3 text-center text-lg font-semibold text-brand-700 hover:bg-brand-50";

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ saved?: string | string[] }> }) {
  const actor = await requireMember();
  const account = await getOwnAccount({ userId: actor.userId, tenantId: actor.tenantId });
  if (!account) notFound();
  const saved = (await searchParams).saved === "password";
  const t = await getTranslations("account");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-stone-700">{t("intro")}</p>
      {saved ? (
        <p role="status" className="mt-4 rounded-lg border border-green-300 bg-green-50 p-3 text-green-950">
          {t("passwordSaved")}
        </p>
      ) : null}

      <section aria-labelledby="username-heading" className="mt-6 rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="username-heading" className="text-lg font-semibold">
          {t("usernameHeading")}
        </h2>
        <ChangeUsernameForm username={account.username} />
      </section>

      <section aria-labelledby="password-heading" className="mt-6 rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="password-heading" className="text-lg font-semibold">
          {t("passwordHeading")}
        </h2>
        <p className="mt-2 text-stone-700">{account.hasPassword ? t("passwordIsSet") : t("passwordNotSet")}</p>
        <Link href="/my/account/password" className={linkButton}>
          {account.hasPassword ? t("changePassword") : t("choosePassword")}
        </Link>
      </section>

      <section aria-labelledby="app-heading" className="mt-6 rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="app-heading" className="text-lg font-semibold">
          {t("appHeading")}
        </h2>
        <p className="mt-2 text-stone-700">{account.authenticatorAppEnabled ? t("appOn") : t("appOff")}</p>
        <Link href="/my/account/two-factor" className={linkButton}>
          {t("appManage")}
        </Link>
      </section>

      <section aria-labelledby="language-heading" className="mt-6 rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="language-heading" className="text-lg font-semibold">
          {t("languageHeading")}
        </h2>
        <p className="mt-2 text-stone-700">{t("languageIntro")}</p>
        <ChooseLanguageForm locale={actor.locale} />
      </section>

      <section aria-labelledby="sessions-heading" className="mt-6 rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          {t("sessionsHeading")}
        </h2>
        <p className="mt-2 text-stone-700">{t("sessionsIntro")}</p>
        <form action={signOutEverywhere}>
          <ConfirmSubmitButton
            confirmText={t("signOutEverywhereConfirm")}
            className="mt-4 block w-full rounded-lg border border-red-700 bg-white px-4 py-3 text-center text-lg font-semibold text-red-800 hover:bg-red-50"
          >
            {t("signOutEverywhere")}
          </ConfirmSubmitButton>
        </form>
      </section>
    </>
  );
}
