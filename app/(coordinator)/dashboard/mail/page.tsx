import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "next-intl/server";
import { DeliveryLogTable, type DeliveryLogRowView } from "@/components/coordinator/delivery-log-table";
import { PageLinks } from "@/components/coordinator/page-links";
import { requireCoordinator } from "@/lib/auth/session";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { deliveryLogSearchSchema } from "@/lib/mail/delivery-schemas";
import { deliveryStates, listDeliveryLog, type DeliveryState } from "@/lib/mail/queries";
import { emailTemplates, type EmailLocale } from "@/lib/mail/registry";
import { mailDeliveryOf } from "@/lib/people/member-record-queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("mailDelivery");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function hrefFor(state: DeliveryState | undefined, page = 1): string {
  const query = new URLSearchParams(state ? { state } : {});
  if (page > 1) query.set("page", String(page));
  return query.size > 0 ? `/dashboard/mail?${query}` : "/dashboard/mail";
}

/** The coordinators' delivery log: every email of the organisation, failed ones can be sent again. */
export default async function MailDeliveryPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireCoordinator();
  const raw = await searchParams;
  const { state, page: requested } = deliveryLogSearchSchema.parse({ state: first(raw.state), page: first(raw.page) });
  const [t, tTable, format, locale, log] = await Promise.all([
    getTranslations("mailDelivery"),
    getTranslations("accounts.table"),
    getFormatter(),
    getLocale(),
    listDeliveryLog(actor.tenantId, { state, page: requested }),
  ]);
  const emailLocale: EmailLocale = locale === "en" ? "en" : "nl";

  const rows: DeliveryLogRowView[] = log.entries.map((mail) => {
    const delivery = mailDeliveryOf(mail);
    const at = mail.sentAt ?? mail.createdAt;
    const template = Object.hasOwn(emailTemplates, mail.template) ? emailTemplates[mail.template as keyof typeof emailTemplates].description[emailLocale] : mail.template;
    const detail =
      delivery === "failed" || delivery === "retrying"
        ? [t("attempts", { count: mail.attempts }), mail.lastError ? t("lastAnswer", { error: mail.lastError }) : null].filter(Boolean).join(". ")
        : null;
    return {
      id: mail.id,
      when: format.dateTime(at, "moment", { timeZone: actor.timeZone }),
      whenIso: at.toISOString(),
      toAddress: mail.toAddress,
      toName: mail.toName,
      person: mail.person ? { href: `/dashboard/people/${mail.person.id}`, name: mail.person.name } : null,
      template,
      subject: mail.subject,
      delivery,
      deliveryLabel: t(`states.${delivery}`),
      detail,
      canSendAgain: mail.canSendAgain,
    };
  });

  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 max-w-3xl text-stone-700">{t("intro")}</p>
      <p className="mt-1 max-w-3xl text-stone-700">{t("sendAgainHint")}</p>
      <nav aria-label={t("filterLabel")} className="mt-3 flex flex-wrap gap-4">
        <span className="text-stone-700">{t("filterLabel")}:</span>
        {[undefined, ...deliveryStates].map((option) => (
          <Link
            key={option ?? "all"}
            href={hrefFor(option)}
            aria-current={option === state ? "page" : undefined}
            className={option === state ? "font-semibold text-stone-900" : "text-brand-700 underline underline-offset-2"}
          >
            {t(`states.${option ?? "all"}`)}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className="mt-4 rounded-xl border border-dashed border-stone-300 bg-white p-6 text-stone-700">{t(state ? "emptyFiltered" : "empty")}</p>
      ) : (
        <DeliveryLogTable
          rows={rows}
          caption={t("caption", { count: log.total })}
          empty={t("empty")}
          headings={{ when: t("headings.when"), to: t("headings.to"), template: t("headings.template"), subject: t("headings.subject"), status: t("headings.status") }}
        />
      )}
      <PageLinks
        page={log.page}
        pageCount={log.pageCount}
        hrefFor={(n) => hrefFor(state, n)}
        labels={{ navigation: t("title"), previous: tTable("previous"), next: tTable("next"), pageOf: tTable("pageOf", { page: log.page, pageCount: log.pageCount }) }}
      />
    </>
  );
}
