import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { ShiftCard } from "@/components/shift-card";
import { HoursStatusBadge } from "@/components/member/hours-status-badge";
import { requireMember } from "@/lib/auth/session";
import { organisationKey } from "@/lib/cache/tags";
import { dayKeyAsDate, todayIn } from "@/lib/dates";
import { isAwaitingMember, memberWeekLines, readMemberWeeksFactsOfWeek } from "@/lib/hours/member-queries";
import { addDaysToKey, formatMinutesAsHours, weekNumberOf, weekStartOf } from "@/lib/hours/rules";
import { readMemberComing } from "@/lib/roster/page-cache";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myPage");
  return { title: t("title") };
}

const emptyState = "mt-3 rounded-xl border border-dashed border-stone-300 p-4 text-stone-700";
const bigButton = "flex min-h-12 items-center justify-center rounded-lg px-3 py-3 text-center font-semibold";

/** The first coming shifts the page lists; the rest are one tap away (`?coming=all`), and each shift's page names who else is on it. */
const COMING_SHIFTS_SHOWN = 5;

// The member's own shifts, handover requests and hours weeks come from the page cache, kept per member
// and day (or week); what is still coming, what has started and which weeks wait are decided here
// from the current time.
export default async function MyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireMember();
  const now = new Date();
  const { tenantId, personId, timeZone } = actor;
  const [t, tShifts, tHours, format, coming, hoursFacts, query] = await Promise.all([
    getTranslations("myPage"),
    getTranslations("shifts"),
    getTranslations("myHours"),
    getFormatter(),
    readMemberComing(organisationKey(tenantId), personId, todayIn(timeZone, now), timeZone),
    readMemberWeeksFactsOfWeek(organisationKey(tenantId), personId, weekStartOf(now, timeZone), timeZone),
    searchParams,
  ]);
  const comingShifts = coming.shifts.filter((shift) => shift.endsAt.getTime() > now.getTime());
  const shifts = query.coming === "all" ? comingShifts : comingShifts.slice(0, COMING_SHIFTS_SHOWN);
  const handovers = coming.handovers.filter((request) => request.startsAt.getTime() > now.getTime());
  const weeksToConfirm = hoursFacts ? memberWeekLines(hoursFacts, now).filter(isAwaitingMember) : [];
  const handoverByShift = new Map(handovers.map((request) => [request.shiftId, request.id]));

  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-stone-700">{t("greeting", { name: actor.firstName })}</p>

      <div className="mt-4 grid grid-cols-2 gap-2">
        <Link href="/my/handover" className={`${bigButton} bg-brand-600 text-white hover:bg-brand-700`}>
          {t("handOverButton")}
        </Link>
        <Link href="/my/profile" className={`${bigButton} border border-stone-300 bg-white text-stone-800 hover:bg-stone-50`}>
          {t("profileButton")}
        </Link>
      </div>

      <section aria-labelledby="coming-shifts" className="mt-8 scroll-mt-20">
        <h2 id="coming-shifts" className="scroll-mt-20 text-lg font-semibold">
          {t("comingShifts")}
        </h2>
        {shifts.length === 0 ? (
          <div className={emptyState}>
            <p>{t("noComingShifts")}</p>
            <Link href="/my/shifts?view=open" className="mt-2 inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
              {t("findOpenShifts")}
            </Link>
          </div>
        ) : (
          <ul className="mt-3 space-y-4">
            {shifts.map((shift) => {
              const requestId = handoverByShift.get(shift.id);
              const notStarted = shift.startsAt.getTime() > now.getTime();
              return (
                <li key={shift.id}>
                  <ShiftCard tools={{ t: tShifts, format }} shift={shift} timeZone={timeZone} href={`/my/shifts/${shift.id}`} showPeople={false} />
                  {requestId ? (
                    <Link
                      href={`/my/handover/${requestId}`}
                      className="mt-1 flex min-h-11 items-center justify-end px-1 font-medium text-brand-700 underline underline-offset-2"
                    >
                      {t("handoverAsked")}
                    </Link>
                  ) : notStarted ? (
                    <Link
                      href={`/my/shifts/${shift.id}/handover`}
                      aria-label={t("handOverOf", { activity: shift.activity })}
                      className="mt-1 flex min-h-11 items-center justify-end px-1 font-medium text-brand-700 underline underline-offset-2"
                    >
                      {t("handOver")}
                    </Link>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        {shifts.length < comingShifts.length ? (
          <Link href="/my?coming=all#coming-shifts" className="mt-2 inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
            {t("allComingShifts")}
          </Link>
        ) : null}
      </section>

      <section aria-labelledby="handovers" className="mt-8">
        <h2 id="handovers" className="text-lg font-semibold">
          {t("handovers")}
        </h2>
        {handovers.length === 0 ? (
          <p className={emptyState}>{t("noHandovers")}</p>
        ) : (
          <>
            <p className="mt-1 text-stone-700">{t("handoversIntro")}</p>
            <ul className="mt-3 space-y-3">
              {handovers.map((request) => (
                <li key={request.id}>
                  <Link
                    href={`/my/handover/${request.id}`}
                    className="block rounded-xl border border-stone-200 bg-white p-4 shadow-sm hover:border-brand-600"
                  >
                    <span className="block text-stone-700 first-letter:uppercase">
                      {format.dateTimeRange(request.startsAt, request.endsAt, {
                        weekday: "long",
                        day: "numeric",
                        month: "long",
                        hour: "2-digit",
                        minute: "2-digit",
                        timeZone,
                      })}
                    </span>
                    <span className="mt-1 block text-lg font-semibold">{request.activity}</span>
                    <span className="mt-1 flex items-center justify-between text-sm text-stone-600">
                      {t("handoverRecipients", { count: request.recipients })}
                      <span className="font-medium text-brand-700 underline underline-offset-2">{t("handoverOpen")}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="hours" className="mt-8">
        <h2 id="hours" className="text-lg font-semibold">
          {t("hours")}
        </h2>
        {weeksToConfirm.length === 0 ? (
          <p className={emptyState}>{t("noHours")}</p>
        ) : (
          <>
            <p className="mt-1 text-stone-700">{t("hoursIntro")}</p>
            <ul className="mt-3 space-y-3">
              {weeksToConfirm.map((week) => (
                <li key={week.weekStart}>
                  <Link
                    href={`/my/hours/${week.weekStart}`}
                    className="block rounded-xl border border-stone-200 bg-white p-4 shadow-sm hover:border-brand-600"
                  >
                    <span className="flex items-start justify-between gap-3">
                      <span className="text-lg font-semibold">
                        {tHours("weekLabel", {
                          week: weekNumberOf(week.weekStart).week,
                          range: format.dateTimeRange(dayKeyAsDate(week.weekStart), dayKeyAsDate(addDaysToKey(week.weekStart, 6)), "dayMonth", { timeZone: "UTC" }),
                        })}
                      </span>
                      <HoursStatusBadge badge={week.badge} label={tHours(`status.${week.badge}`)} />
                    </span>
                    <span className="mt-1 block text-stone-700">{tHours("total", { hours: formatMinutesAsHours(week.totalMinutes) })}</span>
                    <span className={`mt-1 block text-sm ${week.phase === "late" ? "font-medium text-red-800" : "text-stone-600"}`}>
                      {week.phase === "late"
                        ? t("hoursLate")
                        : week.returned
                          ? tHours("status.returned")
                          : t("hoursDeadline", { deadline: format.dateTime(week.deadline, "weekdayMoment", { timeZone }) })}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
        <Link href="/my/hours" className="mt-2 inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
          {t("hoursAll")}
        </Link>
      </section>
    </>
  );
}
