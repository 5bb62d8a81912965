import type { Metadata } from "next";
import { getBlockedNoticeContact, readBlockedNotice } from "@/lib/accounts/blocking/blocked-notice";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("blockedNotice");
  return { title: t("title") };
}

/** Where a blocked member who taps on lands: who blocked access and whom to contact. */
export default async function BlockedNoticePage({ searchParams }: { searchParams: Promise<{ o?: string | string[] }> }) {
  const tenantId = readBlockedNotice((await searchParams).o);
  const contact = tenantId ? await getBlockedNoticeContact(tenantId) : null;
  const t = await getTranslations();
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-5 py-10">
      <p className="text-lg font-bold text-brand-700">{t("app.name")}</p>
      <h1 className="mt-2 text-3xl font-semibold">{t("blockedNotice.title")}</h1>
      {contact ? (
        <>
          <p className="mt-3 text-stone-700">{t("blockedNotice.body", { organisation: contact.organisationName })}</p>
          {contact.email ? (
            <p className="mt-3 text-stone-700">
              {t("blockedNotice.contact", { organisation: contact.organisationName })}{" "}
              <a className="font-semibold text-brand-700 underline" href={`mailto:${contact.email}`}>
                {contact.email}
              </a>
            </p>
          ) : (
            <p className="mt-3 text-stone-700">{t("blockedNotice.contactWithoutEmail")}</p>
          )}
        </>
      ) : (
        <p className="mt-3 text-stone-700">{t("blockedNotice.unknownOrganisation")}</p>
      )}
    </main>
  );
}
