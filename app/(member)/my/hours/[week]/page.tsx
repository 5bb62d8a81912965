import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ConfirmWeekButton } from "@/components/member/confirm-week-button";
import { CorrectionRequestForm } from "@/components/member/correction-request-form";
import { HoursTotalsSection } from "@/components/member/hours-totals-section";
import { Alert } from "@/components/ui/alert";
import { requireMember } from "@/lib/auth/session";
import { dayKeyAsDate } from "@/lib/dates";
import { getMemberWeek } from "@/lib/hours/member-queries";
import { addDaysToKey, formatMinutesAsHours, isWeekStart, weekNumberOf } from "@/lib/hours/rules";
import { getFormatter, getTranslations } from "@/lib/i18n/server";

// Ondertekenen: the member's week, its total per day and per location, every line, and *Bevestig*.
// A reminder's sign-in link lands here, so opening the page (GET) only reads; confirming and asking
// for a correction are POSTs of the forms below.

type PageProps = {
  params: Promise<{ week: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const loadWeek = cache(async (weekStart: string) => {
  const actor = await requireMember();
  const week = isWeekStart(weekStart) ? await getMemberWeek(actor.tenantId, actor.personId, weekStart) : null;
  return { actor, week };
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myHours.week");
  return { title: t("title") };
}

const section = "mt-6 rounded-xl border border-stone-200 bg-white p-4";

export default async function MyWeekPage({ params, searchParams }: PageProps) {
  const { week } = await loadWeek((await params).week);
  if (!week) notFound();
  const done = (await searchParams).done;
  const [t, tHours, format] = await Promise.all([getTranslations("myHours.week"), getTranslations("myHours"), getFormatter()]);
  const tz = week.timeZone;
  const hours = (minutes: number) => tHours("total", { hours: formatMinutesAsHours(minutes) });
  const moment = (at: Date) => format.dateTime(at, "moment", { timeZone: tz });
  const deadline = format.dateTime(week.deadline, "weekdayMoment", { timeZone: tz });
  const { confirmation } = week;
  const returned = confirmation?.status === "returned" && week.phase === "toConfirm";

  return (
    <>
      <Link href="/my/hours" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-lg text-stone-700">
        {tHours("weekLabel", {
          week: weekNumberOf(week.weekStart).week,
          range: format.dateTimeRange(dayKeyAsDate(week.weekStart), dayKeyAsDate(addDaysToKey(week.weekStart, 6)), "dayMonth", { timeZone: "UTC" }),
        })}
      </p>

      <div className="mt-4 space-y-3">
        {week.phase === "approved" && confirmation?.approvedAt ? (
          <Alert tone="success" as="div">
            <p className="font-semibold">{t("approved", { moment: moment(confirmation.approvedAt) })}</p>
            <p>{t("locked")}</p>
          </Alert>
        ) : null}
        {week.phase === "confirmed" && confirmation?.confirmedAt ? (
          <Alert tone="success" as="div">
            <p className="font-semibold">{t("confirmed", { moment: moment(confirmation.confirmedAt) })}</p>
            <p>{t("locked")}</p>
          </Alert>
        ) : null}
        {returned ? (
          <Alert tone="warning" as="div">
            <p className="font-semibold">{t("returned")}</p>
            {confirmation?.returnComment ? <p className="mt-1 whitespace-pre-line">{confirmation.returnComment}</p> : null}
            <p className="mt-2">{t("returnedHint")}</p>
          </Alert>
        ) : null}
        {week.phase === "late" && week.entries.length > 0 ? <Alert tone="error">{t("late", { deadline })}</Alert> : null}
        {week.phase === "notYet" ? <Alert tone="info">{t("notYet")}</Alert> : null}
        {week.entries.length === 0 ? <p className="rounded-xl border border-dashed border-stone-300 p-4 text-stone-700">{t("noHours")}</p> : null}
      </div>

      {week.entries.length > 0 ? (
        <>
          <section aria-labelledby="total" className={section}>
            <h2 id="total" className="text-sm text-stone-600">
              {t("total")}
            </h2>
            <p className="text-3xl font-semibold">{hours(week.summary.totalMinutes)}</p>
          </section>

          <HoursTotalsSection
            id="per-day"
            title={t("perDay")}
            className={section}
            rows={week.summary.days.map((day) => ({
              key: day.day,
              label: format.dateTime(dayKeyAsDate(day.day), "weekdayDayMonth", { timeZone: "UTC" }),
              total: hours(day.minutes),
              labelClassName: "first-letter:uppercase",
            }))}
          />

          <HoursTotalsSection
            id="per-location"
            title={t("perLocation")}
            className={section}
            rows={week.summary.locations.map((location) => ({
              key: location.locationId ?? "none",
              label: location.locationName ?? t("noLocation"),
              total: hours(location.minutes),
            }))}
          />

          <section aria-labelledby="lines" className={section}>
            <h2 id="lines" className="text-lg font-semibold">
              {t("lines")}
            </h2>
            <ul className="mt-2 divide-y divide-stone-100">
              {week.entries.map((entry) => (
                <li key={entry.key} className="py-3">
                  <div className="flex items-start justify-between gap-3">
                    <span className="font-semibold">{entry.activity ?? t("outsideShift")}</span>
                    <span className="font-semibold tabular-nums">{hours(entry.minutes)}</span>
                  </div>
                  <p className="text-stone-700 first-letter:uppercase">
                    {format.dateTime(entry.startsAt, "weekdayShort", { timeZone: tz })}, {format.dateTimeRange(entry.startsAt, entry.endsAt, "time", { timeZone: tz })}
                  </p>
                  <p className="text-sm text-stone-600">
                    {entry.locationName ?? t("noLocation")} · {entry.breakMinutes > 0 ? t("breakMinutes", { minutes: entry.breakMinutes }) : t("noBreak")}
                    {entry.shiftId === null ? ` · ${t("outsideShift")}` : null}
                  </p>
                  {entry.noShow ? <p className="text-sm font-medium text-red-800">{t("noShow")}</p> : null}
                  {entry.corrected ? <p className="text-sm font-medium text-amber-900">{t("corrected")}</p> : null}
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}

      {week.problem === null ? (
        <section aria-label={t("confirm")} className="mt-6 space-y-3">
          {returned ? null : <p className="font-medium">{t("deadline", { deadline })}</p>}
          <ConfirmWeekButton weekStart={week.weekStart} labels={{ confirm: t("confirm"), confirming: t("confirming"), hint: t("confirmHint") }} />
        </section>
      ) : null}

      {week.phase !== "notYet" ? (
        <section aria-labelledby="correction" className="mt-8 space-y-3">
          <h2 id="correction" className="text-lg font-semibold">
            {t("correctionTitle")}
          </h2>
          {done === "correction" ? <Alert tone="success">{t("correctionSentNow")}</Alert> : null}
          {confirmation?.correctionRequest && confirmation.correctionRequestedAt ? (
            <div className="rounded-lg border border-stone-300 bg-stone-50 p-3 text-stone-800">
              <p className="text-sm text-stone-600">{t("correctionSent", { moment: moment(confirmation.correctionRequestedAt) })}</p>
              <p className="mt-1 whitespace-pre-line">{confirmation.correctionRequest}</p>
              {confirmation.correctionHandledAt ? <p className="mt-2 text-sm font-medium text-green-900">{t("correctionHandled")}</p> : null}
            </div>
          ) : null}
          {week.phase === "approved" ? (
            <p className="text-stone-700">{t("correctionClosed")}</p>
          ) : (
            <CorrectionRequestForm
              weekStart={week.weekStart}
              labels={{ message: t("correctionMessage"), hint: t("correctionHint"), send: t("correctionSend"), sending: t("correctionSending") }}
            />
          )}
        </section>
      ) : null}
    </>
  );
}
