import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { RosterDayStrip } from "@/components/member/roster-day-strip";
import { RosterWeekNav, rosterWeekHref } from "@/components/member/roster-week-nav";
import { WeekSwipe } from "@/components/member/week-swipe";
import { ShiftTabs } from "@/components/member/shift-tabs";
import { ShiftCard } from "@/components/shift-card";
import { requireMember } from "@/lib/auth/session";
import { countShiftsPerDay, listOpenShiftsForPerson, listShiftsOfWeek } from "@/lib/roster/queries";
import { todayIn } from "@/lib/dates";
import {
  chooseShownDay,
  dayRange,
  groupByDay,
  middayOf,
  resolveWeek,
  SHIFTS_PER_MORE,
  shiftsShownPerDay,
  WHOLE_WEEK_AT_MOST,
} from "@/lib/roster/rules";
import { parseRosterPageParams } from "@/lib/roster/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shifts");
  return { title: t("title") };
}

export default async function ShiftsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireMember();
  const params = parseRosterPageParams(await searchParams);
  const now = new Date();
  const week = resolveWeek(params, now, actor.timeZone);
  const today = todayIn(actor.timeZone, now);
  // The numbers per day first (cheap), so a crowded week reads the people of one day's shifts only.
  const counts = await countShiftsPerDay(params.view, actor.tenantId, actor.personId, { from: week.from, to: week.to }, now, actor.timeZone);
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const crowded = total > WHOLE_WEEK_AT_MOST;
  const shownDay = chooseShownDay({ requested: params.day, weekDays: week.days, daysWithShifts: [...counts.keys()].sort(), today, crowded });
  const range = shownDay ? dayRange(week, shownDay, actor.timeZone) : { from: week.from, to: week.to };
  const listed =
    total === 0 || (shownDay !== null && !counts.has(shownDay))
      ? []
      : params.view === "open"
        ? await listOpenShiftsForPerson(actor.tenantId, actor.personId, range, now)
        : await listShiftsOfWeek(actor.tenantId, actor.personId, range);
  const [t, tDays, format] = await Promise.all([getTranslations("shifts"), getTranslations("shifts.days"), getFormatter()]);
  const days = groupByDay(listed, actor.timeZone);
  const dayHref = (day: string) => `/my/shifts?${params.view === "open" ? "view=open&" : ""}week=${week.key}&day=${day}`;
  // A day's first shifts, then "meer": in the week's view to that day, on a day to more of it.
  const perDay = shiftsShownPerDay({ wholeWeek: shownDay === null, asked: params.shown });
  const moreHref = (day: string) => (shownDay === null ? dayHref(day) : `${dayHref(day)}&shown=${perDay + SHIFTS_PER_MORE}`);

  return (
    // The whole page turns the week on a sideways swipe, as the week buttons do.
    <WeekSwipe previousHref={rosterWeekHref(params.view, week.previousKey)} nextHref={rosterWeekHref(params.view, week.nextKey)}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <ShiftTabs current={params.view} weekKey={week.key} />
      <RosterWeekNav week={week} view={params.view} timeZone={actor.timeZone} />
      {total > 0 ? (
        <RosterDayStrip
          days={week.days}
          counts={counts}
          shownDay={shownDay}
          today={today}
          timeZone={actor.timeZone}
          hrefOf={dayHref}
          t={tDays}
          format={format}
        />
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
        days.map(({ day, items }) => (
          <section key={day} aria-labelledby={`day-${day}`} className="mt-6">
            <h2 id={`day-${day}`} className="text-lg font-semibold first-letter:uppercase">
              {format.dateTime(middayOf(day, actor.timeZone), {
                weekday: "long",
                day: "numeric",
                month: "long",
                timeZone: actor.timeZone,
              })}
              {day === today ? <span className="font-normal text-stone-600"> · {t("today")}</span> : null}
            </h2>
            <ul className="mt-2 space-y-3">
              {items.slice(0, perDay).map((shift) => (
                <li key={shift.id}>
                  <ShiftCard tools={{ t, format }} shift={shift} timeZone={actor.timeZone} href={`/my/shifts/${shift.id}`} showDay={false} markMine now={now} showPeople={false} />
                </li>
              ))}
            </ul>
            {items.length > perDay ? (
              // On one day the list grows in place; from the week it opens that day at its top.
              <Link href={moreHref(day)} scroll={shownDay === null} className="mt-3 flex min-h-11 items-center justify-center rounded-lg border border-stone-300 bg-white font-medium text-brand-700">
                {tDays("more", { count: items.length - perDay })}
              </Link>
            ) : null}
          </section>
        ))
      )}
    </WeekSwipe>
  );
}

export const instant = false;
