import type { Metadata } from "next";
import Link from "next/link";
import { HoursStatusBadge } from "@/components/member/hours-status-badge";
import { requireMember } from "@/lib/auth/session";
import { organisationKey } from "@/lib/cache/tags";
import { dayKeyAsDate } from "@/lib/dates";
import { memberWeekLines, readMemberWeeksFactsOfWeek } from "@/lib/hours/member-queries";
import { addDaysToKey, formatMinutesAsHours, weekNumberOf, weekStartOf } from "@/lib/hours/rules";
import { getFormatter, getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myHours");
  return { title: t("title") };
}

// The member's recent weeks come from the page cache, kept per member and current week; their phases
// and badges are worked out here from the current time.
export default async function MyHoursPage() {
  const { tenantId, personId, timeZone } = await requireMember();
  const now = new Date();
  const [t, format, facts] = await Promise.all([
    getTranslations("myHours"),
    getFormatter(),
    readMemberWeeksFactsOfWeek(organisationKey(tenantId), personId, weekStartOf(now, timeZone), timeZone),
  ]);
  const weeks = facts ? memberWeekLines(facts, now) : [];
  const shown = weeks.filter((week) => week.hasHours || week.badge !== "empty");

  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-stone-700">{t("intro")}</p>
      {shown.length === 0 ? (
        <p className="mt-4 rounded-xl border border-dashed border-stone-300 p-4 text-stone-700">{t("noWeeks")}</p>
      ) : (
        <ul className="mt-4 space-y-3">
          {shown.map((week) => (
            <li key={week.weekStart}>
              <Link
                href={`/my/hours/${week.weekStart}`}
                className="flex min-h-16 items-center justify-between gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm hover:border-brand-600"
              >
                <span>
                  <span className="block font-semibold">
                    {t("weekLabel", {
                      week: weekNumberOf(week.weekStart).week,
                      range: format.dateTimeRange(dayKeyAsDate(week.weekStart), dayKeyAsDate(addDaysToKey(week.weekStart, 6)), "dayMonth", { timeZone: "UTC" }),
                    })}
                  </span>
                  <span className="block text-stone-700">{t("total", { hours: formatMinutesAsHours(week.totalMinutes) })}</span>
                </span>
                <HoursStatusBadge badge={week.badge} label={t(`status.${week.badge}`)} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
