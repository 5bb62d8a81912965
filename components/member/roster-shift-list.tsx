import Link from "next/link";
import { rosterDayHref } from "@/components/member/roster-week-nav";
import { ShiftCard } from "@/components/shift-card";
import { cachedForOrganisation, type OrganisationKey } from "@/lib/cache/tags";
import type { Locale } from "@/lib/i18n/locales";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { listShiftCards } from "@/lib/roster/queries";
import { middayOf, SHIFTS_PER_MORE } from "@/lib/roster/rules";

type RosterShiftListProps = {
  organisation: OrganisationKey;
  view: "all" | "open";
  weekKey: string;
  /** The day shown, or null for the whole week (its "meer" then opens that day). */
  shownDay: string | null;
  /** Each day with shifts: the ids of the shifts listed, in order, and how many it has in all. */
  days: { day: string; shiftIds: string[]; total: number }[];
  /** Of the shifts listed, those that have ended (they say so instead of how many places are left). */
  endedIds: string[];
  today: string;
  timeZone: string;
  locale: Locale;
};

/**
 * The roster page's days with their shift cards and "meer" links, kept in the page cache by what it
 * shows (which shifts, which of them have ended, today) for the organisation: nothing in it depends
 * on who reads it, so for "Alle diensten" every member gets the same fragment. The reader's own
 * shifts are marked outside it (MineMarks).
 */
export async function RosterShiftList({ organisation, view, weekKey, shownDay, days, endedIds, today, timeZone, locale }: RosterShiftListProps) {
  "use cache";
  const tenantId = cachedForOrganisation(organisation, "roster");
  const [cards, t, tDays, format] = await Promise.all([
    listShiftCards(
      tenantId,
      days.flatMap((day) => day.shiftIds),
    ),
    getTranslations({ locale, namespace: "shifts" }),
    getTranslations({ locale, namespace: "shifts.days" }),
    getFormatter({ locale }),
  ]);
  const cardOf = new Map(cards.map((card) => [card.id, card]));
  const ended = new Set(endedIds);
  return (
    <div data-shared-fragment={view === "all" ? "roster-shifts" : undefined}>
      {days.map(({ day, shiftIds, total }) => (
        <section key={day} aria-labelledby={`day-${day}`} className="mt-6">
          <h2 id={`day-${day}`} className="text-lg font-semibold first-letter:uppercase">
            {format.dateTime(middayOf(day, timeZone), { weekday: "long", day: "numeric", month: "long", timeZone })}
            {day === today ? <span className="font-normal text-stone-600"> · {t("today")}</span> : null}
          </h2>
          <ul className="mt-2 space-y-3">
            {shiftIds.flatMap((id) => {
              const shift = cardOf.get(id);
              return shift
                ? [
                    <li key={id}>
                      <ShiftCard
                        tools={{ t, format }}
                        shift={shift}
                        timeZone={timeZone}
                        href={`/my/shifts/${id}`}
                        showDay={false}
                        ended={ended.has(id)}
                        showPeople={false}
                      />
                    </li>,
                  ]
                : [];
            })}
          </ul>
          {total > shiftIds.length ? (
            // On one day the list grows in place; from the week it opens that day at its top.
            <Link
              href={shownDay === null ? rosterDayHref(view, weekKey, day) : `${rosterDayHref(view, weekKey, day)}&shown=${shiftIds.length + SHIFTS_PER_MORE}`}
              scroll={shownDay === null}
              className="mt-3 flex min-h-11 items-center justify-center rounded-lg border border-stone-300 bg-white font-medium text-brand-700"
            >
              {tDays("more", { count: total - shiftIds.length })}
            </Link>
          ) : null}
        </section>
      ))}
    </div>
  );
}
