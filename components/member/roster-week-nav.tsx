import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/locales";
import { middayOf, type RosterWeek } from "@/lib/roster/rules";

const button = "flex min-h-12 items-center gap-1 rounded-lg border border-stone-300 bg-white px-3 font-medium text-stone-800 hover:bg-stone-50";

function Chevron({ path }: { path: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 shrink-0" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
      <path d={path} />
    </svg>
  );
}

/** The roster page of a week (null: the current one), keeping the tab. */
export function rosterWeekHref(view: "all" | "open", key: string | null): string {
  const query = [view === "open" ? "view=open" : null, key ? `week=${key}` : null].filter(Boolean).join("&");
  return query ? `/my/shifts?${query}` : "/my/shifts";
}

/** One day of a week's roster page ("all": the whole week), keeping the tab. */
export function rosterDayHref(view: "all" | "open", weekKey: string, day: string): string {
  return `/my/shifts?${view === "open" ? "view=open&" : ""}week=${weekKey}&day=${day}`;
}

/**
 * The week shown, with thumb-sized links to the week before and after and, away from the current
 * week, a way back to it. Every link keeps the tab (`view`). The language is passed in, so a cached
 * fragment can hold it.
 */
export async function RosterWeekNav({ week, view, timeZone, locale }: { week: RosterWeek; view: "all" | "open"; timeZone: string; locale: Locale }) {
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: "shifts.week" }), getFormatter({ locale })]);
  const hrefOf = (key: string | null) => rosterWeekHref(view, key);
  const span = format.dateTimeRange(middayOf(week.days[0], timeZone), middayOf(week.days[6], timeZone), { day: "numeric", month: "long", timeZone });
  return (
    <nav aria-label={t("label")} className="mt-4">
      <p className="text-center">
        <span className="block text-lg font-semibold">
          {t("title", { number: week.number })}
          {week.isCurrent ? <span className="font-normal text-stone-600"> · {t("isCurrent")}</span> : null}
        </span>
        <span className="text-stone-600">{span}</span>
      </p>
      <div className="mt-2 grid grid-cols-2 gap-2">
        <Link href={hrefOf(week.previousKey)} className={`${button} justify-start`}>
          <Chevron path="M15 18l-6-6 6-6" />
          {t("previous")}
        </Link>
        <Link href={hrefOf(week.nextKey)} className={`${button} justify-end`}>
          {t("next")}
          <Chevron path="M9 6l6 6-6 6" />
        </Link>
      </div>
      {week.isCurrent ? null : (
        <Link href={hrefOf(null)} className="mt-1 flex min-h-11 items-center justify-center rounded-lg text-brand-700 underline underline-offset-2">
          {t("current")}
        </Link>
      )}
    </nav>
  );
}
