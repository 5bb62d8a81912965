import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { MineMarks } from "@/components/member/mine-marks";
import { RosterDayStrip } from "@/components/member/roster-day-strip";
import { rosterWeekHref } from "@/components/member/roster-week-nav";
import { RosterShiftList } from "@/components/member/roster-shift-list";
import { RosterWeekHeader } from "@/components/member/roster-week-header";
import { WeekSwipe } from "@/components/member/week-swipe";
import { requireMember } from "@/lib/auth/session";
import { todayIn } from "@/lib/dates";
import { readMemberRosterFacts, readWeekShiftFacts } from "@/lib/roster/page-cache";
import { chooseShownDay, groupByDay, openShiftsFor, resolveWeek, shiftsShownPerDay, WHOLE_WEEK_AT_MOST } from "@/lib/roster/rules";
import { parseRosterPageParams } from "@/lib/roster/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shifts");
  return { title: t("title") };
}

// The week's shifts and the member's own facts come from the page cache; which shifts are open for
// this member now, and which have ended, is worked out here on every request. The lists themselves
// are cached fragments keyed by what they show, never by who reads them.
export default async function ShiftsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireMember();
  const params = parseRosterPageParams(await searchParams);
  const now = new Date();
  const { tenantId, timeZone, locale } = actor;
  const week = resolveWeek(params, now, timeZone);
  const today = todayIn(timeZone, now);
  const [weekShifts, mine, t, tDays] = await Promise.all([
    readWeekShiftFacts(tenantId, week.key, timeZone),
    readMemberRosterFacts(tenantId, actor.personId, week.key, timeZone),
    getTranslations("shifts"),
    getTranslations("shifts.days"),
  ]);
  const listed = params.view === "open" ? openShiftsFor(weekShifts, mine, now) : weekShifts;
  const byDay = new Map(groupByDay(listed, timeZone).map(({ day, items }) => [day, items]));
  const counts = week.days.map((day) => byDay.get(day)?.length ?? 0);
  const total = listed.length;
  const crowded = total > WHOLE_WEEK_AT_MOST;
  const shownDay = chooseShownDay({ requested: params.day, weekDays: week.days, daysWithShifts: [...byDay.keys()], today, crowded });
  // A day's first shifts, then "meer": in the week's view to that day, on a day to more of it.
  const perDay = shiftsShownPerDay({ wholeWeek: shownDay === null, asked: params.shown });
  const days = [...byDay.entries()]
    .filter(([day]) => shownDay === null || day === shownDay)
    .map(([day, items]) => ({ day, items: items.slice(0, perDay), total: items.length }));
  const shown = days.flatMap(({ items }) => items);
  const myShiftIds = new Set(mine.shifts.map((shift) => shift.id));

  return (
    // The whole page turns the week on a sideways swipe, as the week buttons do.
    <WeekSwipe previousHref={rosterWeekHref(params.view, week.previousKey)} nextHref={rosterWeekHref(params.view, week.nextKey)}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <RosterWeekHeader week={week} view={params.view} timeZone={timeZone} locale={locale} />
      {total > 0 ? (
        <RosterDayStrip view={params.view} weekKey={week.key} days={week.days} counts={counts} shownDay={shownDay} today={today} timeZone={timeZone} locale={locale} />
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
            tenantId={tenantId}
            view={params.view}
            weekKey={week.key}
            shownDay={shownDay}
            days={days.map(({ day, items, total: dayTotal }) => ({ day, shiftIds: items.map((shift) => shift.id), total: dayTotal }))}
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
