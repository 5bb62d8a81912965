import Link from "next/link";
import type { getFormatter, getTranslations } from "next-intl/server";
import { middayOf } from "@/lib/roster/rules";

type RosterDayStripProps = {
  days: string[];
  /** Shifts per calendar day of the week; a day without any is left out of the map. */
  counts: ReadonlyMap<string, number>;
  /** The day shown, or null for the whole week. */
  shownDay: string | null;
  today: string;
  timeZone: string;
  hrefOf: (day: string) => string;
  t: Awaited<ReturnType<typeof getTranslations<"shifts.days">>>;
  format: Awaited<ReturnType<typeof getFormatter>>;
};

/**
 * The seven days of the week as thumb-sized tabs, each with how many shifts it holds, and the whole
 * week as an eighth. A day without shifts stays visible (the week keeps its shape) but is muted.
 */
export function RosterDayStrip({ days, counts, shownDay, today, timeZone, hrefOf, t, format }: RosterDayStripProps) {
  const base = "grid min-h-14 place-content-center rounded-lg text-center text-sm leading-tight tabular-nums";
  return (
    <nav aria-label={t("label")} className="mt-3">
      <ul className="grid grid-cols-7 gap-1">
        {days.map((day) => {
          const count = counts.get(day) ?? 0;
          const active = day === shownDay;
          const noon = middayOf(day, timeZone);
          return (
            <li key={day}>
              <Link
                href={hrefOf(day)}
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
        href={hrefOf("all")}
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
