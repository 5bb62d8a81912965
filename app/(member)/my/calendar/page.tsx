import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { CopyField } from "@/components/copy-field";
import { ConfirmSubmitButton } from "@/components/confirm-submit-button";
import { requireMember } from "@/lib/auth/session";
import { getCalendarFeedUrl } from "@/lib/roster/calendar";
import { renewMyCalendarFeed } from "@/lib/roster/calendar-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("calendarFeed");
  return { title: t("title") };
}

export default async function CalendarFeedPage() {
  const actor = await requireMember();
  const t = await getTranslations("calendarFeed");
  const url = await getCalendarFeedUrl(actor.tenantId, actor.personId);
  const webcal = url.replace(/^https?:/, "webcal:");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-stone-700">{t("intro")}</p>
      <div className="mt-5 space-y-3">
        <a href={webcal} className="block rounded-lg bg-brand-600 px-4 py-3 text-center font-semibold text-white">
          {t("subscribe")}
        </a>
        <CopyField label={t("address")} value={url} copyLabel={t("copy")} copiedLabel={t("copied")} />
      </div>
      <section className="mt-8 space-y-2 text-stone-700">
        <h2 className="text-lg font-semibold text-stone-900">{t("howTitle")}</h2>
        <p>{t("howGoogle")}</p>
        <p>{t("howApple")}</p>
        <p>{t("howOutlook")}</p>
      </section>
      <section className="mt-8 rounded-xl border border-stone-200 bg-white p-4">
        <h2 className="font-semibold">{t("renewTitle")}</h2>
        <p className="mt-1 text-stone-700">{t("renewIntro")}</p>
        <form action={renewMyCalendarFeed} className="mt-3">
          <ConfirmSubmitButton confirmText={t("renewConfirm")} className="rounded-lg border border-stone-300 px-4 py-2 font-medium">
            {t("renew")}
          </ConfirmSubmitButton>
        </form>
      </section>
    </>
  );
}
