import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { MineMarks } from "@/components/member/mine-marks";
import { RosterDayStrip } from "@/components/member/roster-day-strip";
import { rosterWeekHref } from "@/components/member/roster-week-nav";
import { RosterShiftList } from "@/components/member/roster-shift-list";
import { RosterWeekHeader } from "@/components/member/roster-week-header";
import { WeekSwipe } from "@/components/member/week-swipe";
import { requireMember } from "@/lib/auth/session";
import { organisationKey } from "@/lib/cache/tags";
import { todayIn } from "@/lib/dates";
import { readAllShiftsView, readMemberRosterFacts, readWeekFreePlaces, resolveRosterWeek } from "@/lib/roster/page-cache";
import { openShiftsFor, rosterViewOf } from "@/lib/roster/rules";
import { parseRosterPageParams } from "@/lib/roster/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shifts");
  return { title: t("title") };
}

// What "Alle diensten" shows of a week, the week's free places and the member's own facts come from
// the page cache; which shifts are open for this member now, and which have ended, is worked out here
// on every request. The lists themselves are cached fragments keyed by what they show, never by who
// reads them.
export default async function ShiftsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireMember();
  const params = parseRosterPageParams(await searchParams);
  const now = new Date();
  const { tenantId, timeZone, locale } = actor;
  const today = todayIn(timeZone, now);
  const organisation = organisationKey(tenantId);
  const week = resolveRosterWeek(params, now, timeZone, today);
  const [mine, allShifts, freePlaces, t, tDays] = await Promise.all([
    readMemberRosterFacts(organisation, actor.personId, week.key, timeZone),
    params.view === "all" ? readAllShiftsView(organisation, week.key, timeZone, { day: params.day ?? null, shown: params.shown ?? null, today }) : null,
    params.view === "open" ? readWeekFreePlaces(organisation, week.key, timeZone) : null,
    getTranslations("shifts"),
    getTranslations("shifts.days"),
  ]);
  const view =
    allShifts ?? rosterViewOf(openShiftsFor(freePlaces ?? [], mine, now), { weekDays: week.days, requested: params.day, today, asked: params.shown });
  const { total, crowded, shownDay, days } = view;
  const shown = days.flatMap((day) => day.shifts);
  const myShiftIds = new Set(mine.shifts.map((shift) => shift.id));

  return (
    // The whole page turns the week on a sideways swipe, as the week buttons do.
    <WeekSwipe previousHref={rosterWeekHref(params.view, week.previousKey)} nextHref={rosterWeekHref(params.view, week.nextKey)}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <RosterWeekHeader organisation={organisation} week={week} view={params.view} timeZone={timeZone} locale={locale} />
      {total > 0 ? (
        <RosterDayStrip organisation={organisation} view={params.view} weekKey={week.key} days={week.days} counts={view.counts} shownDay={shownDay} today={today} timeZone={timeZone} locale={locale} />
      ) : null}
      {params.view === "open" ? <p className="mt-4 text-stone-700">{t("openIntro")}</p> : null}
      {crowded && params.day === undefined ? <p className="mt-2 text-stone-700">{tDays("crowded", { count: total })}</p> : null}

      {total === 0 ? (
        <div className="mt-4 rounded-xl border border-dashed border-stone-300 p-4 text-stone-700">
          <p className="font-medium">{params.view === "open" ? t("noOpenShiftsInWeek") : t("noShiftsInWeek")}</p>
          {week.to.getTime() > now.getTime() ? <p className="mt-1">{t("tryNextWeek")}</p> : null}
        </div>
      ) : days.length === 0 ? (
        <p className="mt-4 rounded-xl border border-dashed border-stone-300 p-4 text-stone-700">
          {params.view === "open" ? tDays("noOpenShiftsOnDay") : tDays("noShiftsOnDay")}
        </p>
      ) : (
        <>
          <RosterShiftList
            organisation={organisation}
            view={params.view}
            weekKey={week.key}
            shownDay={shownDay}
            days={days.map((day) => ({ day: day.day, shiftIds: day.shifts.map((shift) => shift.id), total: day.total }))}
            endedIds={shown.filter((shift) => shift.endsAt.getTime() <= now.getTime()).map((shift) => shift.id)}
            today={today}
            timeZone={timeZone}
            locale={locale}
          />
          <MineMarks shiftIds={shown.filter((shift) => myShiftIds.has(shift.id)).map((shift) => shift.id)} label={t("mine")} />
        </>
      )}
    </WeekSwipe>
  );
}
