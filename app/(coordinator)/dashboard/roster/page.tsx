import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { requireCoordinator } from "@/lib/auth/session";
import { listShiftsForPlanning } from "@/lib/roster/queries";
import { middayOf, placesLeft, planningStateOf, resolveWeek, sortForPlanning } from "@/lib/roster/rules";
import { parseRosterPageParams } from "@/lib/roster/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("roster");
  return { title: t("title") };
}

const badge = {
  unfilled: "bg-amber-100 text-amber-900",
  full: "bg-green-100 text-green-900",
  past: "bg-stone-100 text-stone-700",
  cancelled: "bg-red-100 text-red-900 line-through",
} as const;

/** The coordinator's week: every shift, those that still need people first. */
export default async function RosterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireCoordinator();
  const params = parseRosterPageParams(await searchParams);
  const now = new Date();
  const week = resolveWeek(params, now, actor.timeZone);
  const [t, format, shifts] = await Promise.all([getTranslations("roster"), getFormatter(), listShiftsForPlanning(actor.tenantId, { from: week.from, to: week.to })]);
  const rows = sortForPlanning(shifts, now);
  const span = format.dateTimeRange(middayOf(week.days[0], actor.timeZone), middayOf(week.days[6], actor.timeZone), "dayMonth", { timeZone: actor.timeZone });
  const navLink = "inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-3 font-medium text-stone-800 hover:bg-stone-50";

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <Link href={`/dashboard/roster/new?week=${week.key}`} className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">
          {t("newShift")}
        </Link>
      </div>
      <nav aria-label={t("weekLabel")} className="mt-4 flex flex-wrap items-center gap-2">
        <Link href={`/dashboard/roster?week=${week.previousKey}`} className={navLink}>
          ← {t("previousWeek")}
        </Link>
        <p className="px-2 text-center">
          <span className="block font-semibold">{t("week", { number: week.number })}</span>
          <span className="text-sm text-stone-600">{span}</span>
        </p>
        <Link href={`/dashboard/roster?week=${week.nextKey}`} className={navLink}>
          {t("nextWeek")} →
        </Link>
        {week.isCurrent ? null : (
          <Link href="/dashboard/roster" className="px-2 text-brand-700 underline underline-offset-2">
            {t("thisWeek")}
          </Link>
        )}
      </nav>

      {rows.length === 0 ? (
        <div className="mt-6 rounded-xl border border-dashed border-stone-300 p-5 text-stone-700">
          <p className="font-medium">{t("empty")}</p>
          <p className="mt-1">{t("emptyHint")}</p>
        </div>
      ) : (
        <>
          <p className="mt-4 text-stone-700">{t("intro")}</p>
          <div className="mt-3 overflow-x-auto rounded-xl border border-stone-200 bg-white">
            <table className="w-full text-left">
              <thead className="bg-stone-50 text-sm text-stone-600">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.when")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.activity")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.location")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.group")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.people")}</th>
                  <th scope="col" className="px-4 py-2 font-medium">{t("columns.state")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {rows.map((shift) => {
                  const state = planningStateOf(shift, now);
                  return (
                    <tr key={shift.id} className="hover:bg-stone-50">
                      <td className="whitespace-nowrap px-4 py-3 tabular-nums">
                        <span className="first-letter:uppercase">
                          {format.dateTime(shift.startsAt, "weekdayShort", { timeZone: actor.timeZone })}
                        </span>{" "}
                        {format.dateTimeRange(shift.startsAt, shift.endsAt, "time", { timeZone: actor.timeZone })}
                      </td>
                      <td className="px-4 py-3">
                        <Link href={`/dashboard/roster/${shift.id}`} className="font-semibold text-brand-800 underline-offset-2 hover:underline">
                          {shift.activity}
                        </Link>
                        {shift.seriesId ? <span className="ml-2 text-sm text-stone-500">{t("series")}</span> : null}
                      </td>
                      <td className="px-4 py-3 text-stone-700">{shift.locationName ?? "—"}</td>
                      <td className="px-4 py-3 text-stone-700">{shift.groupName ?? "—"}</td>
                      <td className="px-4 py-3 tabular-nums" title={shift.people.map((person) => person.name).join(", ")}>
                        {shift.filled} / {shift.needed}
                      </td>
                      <td className="px-4 py-3">
                        <span className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-medium ${badge[state]}`}>
                          {t(`state.${state}`, { count: placesLeft(shift.needed, shift.filled) })}
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
