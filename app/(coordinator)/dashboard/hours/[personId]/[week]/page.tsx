import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HoursWeekActions } from "@/components/coordinator/hours-week-actions";
import { HoursWeekEditor } from "@/components/coordinator/hours-week-editor";
import { Alert } from "@/components/ui/alert";
import { listLocationOptions } from "@/lib/accounts/blocking/queries";
import { requireCoordinator } from "@/lib/auth/session";
import { dayKeyAsDate, localDateKey } from "@/lib/dates";
import { defaultApprovalWeek, getPersonWeek } from "@/lib/hours/coordinator-queries";
import { addDaysToKey, clockTimeOf, formatMinutesAsHours, isWeekStart, weekNumberOf, workedMinutes } from "@/lib/hours/rules";
import { getFormatter, getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("hoursDashboard");
  return { title: t("title") };
}

type Params = Promise<{ personId: string; week: string }>;

/** The member's week as the coordinator corrects, approves or sends it back; the correction-request email's button. */
export default async function PersonHoursWeekPage({ params }: { params: Params }) {
  const actor = await requireCoordinator();
  const { personId, week } = await params;
  // Another organisation's person and a made-up week look exactly like a missing one.
  if (!z.uuid().safeParse(personId).success || !isWeekStart(week)) notFound();
  const now = new Date();
  const [personWeek, locations] = await Promise.all([getPersonWeek(actor.tenantId, personId, week, now), listLocationOptions(actor.tenantId)]);
  if (!personWeek) notFound();
  const t = await getTranslations("hoursDashboard");
  const format = await getFormatter();
  const { timeZone } = personWeek.settings;
  const time = (date: Date) => format.dateTime(date, "time", { timeZone });
  const moment = (date: Date) => format.dateTime(date, "moment", { timeZone });
  const weekDay = (dayKey: string) => format.dateTime(dayKeyAsDate(dayKey), "weekdayShort", { timeZone: "UTC" });
  const { confirmation, phase } = personWeek;
  const openRequest = confirmation?.correctionRequest && !confirmation.correctionHandledAt ? confirmation.correctionRequest : null;
  const weekNumber = weekNumberOf(week).week;
  const backHref = week === defaultApprovalWeek(now, actor.timeZone) ? "/dashboard/hours" : `/dashboard/hours?week=${week}`;

  return (
    <>
      <Link href={backHref} className="text-brand-700 underline underline-offset-2">
        ← {t("person.back", { week: weekNumber })}
      </Link>
      <h1 className="mt-3 text-2xl font-semibold">{t("person.title", { name: personWeek.name })}</h1>
      <p className="mt-1 text-lg">
        {t("weekHeading", { week: weekNumber, range: format.dateTimeRange(dayKeyAsDate(week), dayKeyAsDate(addDaysToKey(week, 6)), "day", { timeZone: "UTC" }) })}
      </p>

      <div className="mt-4 max-w-3xl space-y-1">
        <p className="font-medium">{t("person.status", { status: t(`phase.${phase}`) })}</p>
        <p>{t("person.total", { hours: formatMinutesAsHours(personWeek.summary.totalMinutes) })}</p>
        {confirmation?.status === "confirmed" && confirmation.confirmedAt ? <p>{t("person.confirmedAt", { moment: moment(confirmation.confirmedAt) })}</p> : null}
        {confirmation?.status === "approved" && confirmation.approvedAt ? <p>{t("person.approvedAt", { moment: moment(confirmation.approvedAt) })}</p> : null}
        {confirmation?.status === "returned" && confirmation.returnComment ? <p>{t("person.returned", { comment: confirmation.returnComment })}</p> : null}
      </div>

      <HoursWeekActions
        personId={personId}
        weekStart={week}
        name={personWeek.name}
        canApprove={phase === "confirmed"}
        canSendBack={phase !== "approved" && phase !== "notYet"}
        canHandleRequest={openRequest !== null}
      />

      {confirmation?.correctionRequest ? (
        <section aria-labelledby="correction-request" className="mt-6 max-w-3xl rounded-xl border border-amber-300 bg-amber-50 p-4">
          <h2 id="correction-request" className="font-semibold">
            {t("person.correctionTitle")}
          </h2>
          <p className="mt-1 text-stone-800">
            {confirmation.correctionRequestedAt ? t("person.correctionFrom", { name: personWeek.name, moment: moment(confirmation.correctionRequestedAt) }) : null}
          </p>
          <p className="mt-1 whitespace-pre-line">{confirmation.correctionRequest}</p>
          {confirmation.correctionHandledAt ? <p className="mt-2 text-stone-700">{t("person.correctionHandledAt", { moment: moment(confirmation.correctionHandledAt) })}</p> : null}
        </section>
      ) : null}

      <section aria-labelledby="week-lines" className="mt-8">
        <h2 id="week-lines" className="text-xl font-semibold">
          {t("person.lines")}
        </h2>
        {phase === "approved" ? null : (
          <Alert tone="info" className="mt-2 max-w-3xl">
            {t("person.reopenNote")}
          </Alert>
        )}
        <HoursWeekEditor
          personId={personId}
          locked={phase === "approved"}
          caption={t("person.lines")}
          days={Array.from({ length: 7 }, (_, index) => addDaysToKey(week, index)).map((day) => ({ value: day, label: weekDay(day) }))}
          locations={locations.map((location) => ({ value: location.id, label: location.name }))}
          lines={personWeek.entries.map((entry) => {
            const dayKey = localDateKey(entry.startsAt, timeZone);
            const what = [entry.activity, entry.locationName ?? t("person.noLocation")].filter(Boolean).join(" · ");
            return {
              key: entry.key,
              shiftId: entry.shiftId,
              entryId: entry.shiftId === null ? entry.workedHoursId : null,
              dayKey,
              dayLabel: weekDay(dayKey),
              what,
              activity: entry.activity ?? "",
              locationId: entry.locationId,
              planned: entry.plannedStartsAt && entry.plannedEndsAt ? `${time(entry.plannedStartsAt)}–${time(entry.plannedEndsAt)}` : null,
              worked: `${time(entry.startsAt)}–${time(entry.endsAt)}`,
              start: clockTimeOf(entry.startsAt, timeZone),
              end: clockTimeOf(entry.endsAt, timeZone),
              breakMinutes: entry.breakMinutes,
              hours: formatMinutesAsHours(workedMinutes(entry)),
              noShow: entry.noShow,
            };
          })}
        />
      </section>
    </>
  );
}
