import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { AuthenticatorConfirmForm } from "@/components/member/authenticator-confirm-form";
import { AuthenticatorDisableForm } from "@/components/member/authenticator-disable-form";
import { PendingSubmitButton } from "@/components/ui/pending-submit-button";
import {
  buildAuthenticatorUri,
  formatSecretForTyping,
  getAuthenticatorStatus,
  renderAuthenticatorQr,
} from "@/lib/accounts/two-factor/authenticator";
import { startAuthenticatorSetup, stopAuthenticatorSetup } from "@/lib/accounts/two-factor/actions";
import { requireMember } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("authenticatorApp");
  return { title: t("title") };
}

export default async function AuthenticatorPage() {
  const actor = await requireMember();
  const status = await getAuthenticatorStatus(actor.tenantId, actor.userId);
  if (!status) notFound();
  const t = await getTranslations("authenticatorApp");
  const format = await getFormatter();

  let setup: { uri: string; qr: string; secret: string } | null = null;
  if (status.pendingSecret) {
    const uri = buildAuthenticatorUri({ secret: status.pendingSecret, organisationName: status.organisationName, username: status.username });
    setup = { uri, qr: await renderAuthenticatorQr(uri), secret: formatSecretForTyping(status.pendingSecret) };
  }

  return (
    <>
      <p>
        <Link href="/my/account" className="text-stone-700 underline underline-offset-2">
          {t("back")}
        </Link>
      </p>
      <h1 className="mt-3 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-stone-700">{t("intro")}</p>

      {status.enabledAt ? (
        <>
          <p className="mt-5 rounded-lg border border-brand-100 bg-brand-50 p-3 text-brand-800">
            {t("statusOn", { date: format.dateTime(status.enabledAt, "day", { timeZone: actor.timeZone }) })}
          </p>
          <section aria-labelledby="disable-title" className="mt-8">
            <h2 id="disable-title" className="text-lg font-semibold">
              {t("disableTitle")}
            </h2>
            <p className="mt-1 text-stone-700">{t("disableText")}</p>
            <AuthenticatorDisableForm hasPassword={status.hasPassword} />
            <p className="mt-4 text-sm text-stone-700">{t("lostPhone")}</p>
          </section>
        </>
      ) : setup ? (
        <>
          <section aria-labelledby="step-1" className="mt-6">
            <h2 id="step-1" className="text-lg font-semibold">
              {t("step1Title")}
            </h2>
            <p className="mt-1 text-stone-700">{t("appSuggestion")}</p>
            <a
              href={setup.uri}
              className="mt-4 block w-full rounded-lg border border-brand-600 bg-white px-4 py-3 text-center font-semibold text-brand-700 hover:bg-brand-50"
            >
              {t("openInApp")}
            </a>
            <p className="mt-4 text-stone-700">{t("scanQr")}</p>
            {/* A data URL rendered on the server: next/image adds nothing for it. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={setup.qr} alt={t("qrAlt")} width={240} height={240} className="mx-auto mt-3 rounded-lg border border-stone-200 bg-white" />
            <p className="mt-4 text-stone-700">{t("manualKey")}</p>
            <dl className="mt-2 rounded-lg border border-stone-200 bg-stone-50 p-3">
              <dt className="text-sm text-stone-700">{t("manualKeyLabel")}</dt>
              <dd className="select-all break-all font-mono text-lg">{setup.secret}</dd>
              <dt className="mt-2 text-sm text-stone-700">{t("manualAccount")}</dt>
              <dd className="break-all font-mono">{status.username}</dd>
            </dl>
          </section>
          <section aria-labelledby="step-2" className="mt-8">
            <h2 id="step-2" className="text-lg font-semibold">
              {t("step2Title")}
            </h2>
            <p className="mt-1 text-stone-700">{t("step2Text")}</p>
            <AuthenticatorConfirmForm />
          </section>
          <form action={stopAuthenticatorSetup} className="mt-4">
            <PendingSubmitButton label={t("cancel")} pendingLabel={t("starting")} variant="quiet" />
          </form>
        </>
      ) : (
        <>
          <p className="mt-5 rounded-lg border border-stone-200 bg-stone-50 p-3 text-stone-800">{t("statusOff")}</p>
          <p className="mt-4 text-stone-700">{t("appSuggestion")}</p>
          <form action={startAuthenticatorSetup} className="mt-5">
            <PendingSubmitButton label={t("start")} pendingLabel={t("starting")} variant="primary" />
          </form>
        </>
      )}
    </>
  );
}
