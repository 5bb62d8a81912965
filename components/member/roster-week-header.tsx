import { RosterWeekNav } from "@/components/member/roster-week-nav";
import { ShiftTabs } from "@/components/member/shift-tabs";
import { cachedForOrganisation, type OrganisationKey } from "@/lib/cache/tags";
import type { Locale } from "@/lib/i18n/locales";
import type { RosterWeek } from "@/lib/roster/rules";

/**
 * The roster page's tabs and week navigation, the same for every member who opens this week and tab
 * of an organisation in this language and zone: rendered once and kept in the page cache (no
 * organisation data in it, so no organisation tag either; the organisation's key only proves that a
 * page asked, see lib/cache/tags.ts).
 */
export async function RosterWeekHeader({
  organisation,
  week,
  view,
  timeZone,
  locale,
}: {
  organisation: OrganisationKey;
  week: RosterWeek;
  view: "all" | "open";
  timeZone: string;
  locale: Locale;
}) {
  "use cache";
  cachedForOrganisation(organisation);
  return (
    <div data-shared-fragment="roster-week">
      <ShiftTabs current={view} weekKey={week.key} locale={locale} />
      <RosterWeekNav week={week} view={view} timeZone={timeZone} locale={locale} />
    </div>
  );
}
