import Link from "next/link";
import { rosterDayHref } from "@/components/member/roster-week-nav";
import { cachedForOrganisation, type OrganisationKey } from "@/lib/cache/tags";
import type { Locale } from "@/lib/i18n/locales";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { middayOf } from "@/lib/roster/rules";

type RosterDayStripProps = {
  /** Only to prove a page asked (lib/cache/tags.ts): the numbers come in `counts`. */
  organisation: OrganisationKey;
  view: "all" | "open";
  weekKey: string;
  /** The seven days of the week, Monday first. */
  days: string[];
  /** Shifts per day, in the order of `days`. */
  counts: number[];
  /** The day shown, or null for the whole week. */
  shownDay: string | null;
  today: string;
  timeZone: string;
  locale: Locale;
};

/**
 * The seven days of the week as thumb-sized tabs, each with how many shifts it holds, and the whole
 * week as an eighth. A day without shifts stays visible (the week keeps its shape) but is muted.
 * Kept in the page cache by its arguments: for "Alle diensten" the numbers are the organisation's,
 * the same for every member; for "Open diensten" they are the member's count of open shifts.
 */
export async function RosterDayStrip({ organisation, view, weekKey, days, counts, shownDay, today, timeZone, locale }: RosterDayStripProps) {
  "use cache";
  cachedForOrganisation(organisation);
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: "shifts.days" }), getFormatter({ locale })]);
  const base = "grid min-h-14 place-content-center rounded-lg text-center text-sm leading-tight tabular-nums";
  return (
    <nav aria-label={t("label")} className="mt-3" data-shared-fragment={view === "all" ? "roster-day-strip" : undefined}>
      <ul className="grid grid-cols-7 gap-1">
        {days.map((day, index) => {
          const count = counts[index] ?? 0;
          const active = day === shownDay;
          const noon = middayOf(day, timeZone);
          return (
            <li key={day}>
              <Link
                href={rosterDayHref(view, weekKey, day)}
                aria-current={active ? "page" : undefined}
                aria-label={t("dayLabel", { day: format.dateTime(noon, "weekdayDayMonth", { timeZone }), count })}
                className={`${base} ${
                  active
                    ? "bg-brand-700 font-semibold text-white"
                    : count > 0
                      ? "border border-stone-300 bg-white"
                      : "border border-transparent text-stone-500"
                } ${day === today && !active ? "ring-2 ring-brand-600" : ""}`}
              >
                <span>{format.dateTime(noon, "weekdayName", { timeZone })}</span>
                <span className="font-semibold">{format.dateTime(noon, "dayOfMonth", { timeZone })}</span>
                <span className={active ? undefined : "text-stone-600"}>{count}</span>
              </Link>
            </li>
          );
        })}
      </ul>
      <Link
        href={rosterDayHref(view, weekKey, "all")}
        aria-current={shownDay === null ? "page" : undefined}
        className={`mt-1 flex min-h-11 items-center justify-center rounded-lg ${
          shownDay === null ? "bg-brand-700 font-semibold text-white" : "text-brand-700 underline underline-offset-2"
        }`}
      >
        {t("wholeWeek")}
      </Link>
    </nav>
  );
}
