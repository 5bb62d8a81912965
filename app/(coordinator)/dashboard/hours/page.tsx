import type { Metadata } from "next";
import Link from "next/link";
import { CorrectionRequestList } from "@/components/coordinator/correction-request-list";
import { HoursApprovalTable } from "@/components/coordinator/hours-approval-table";
import { HoursExportForm } from "@/components/coordinator/hours-export-form";
import { requireCoordinator } from "@/lib/auth/session";
import { dayKeyAsDate } from "@/lib/dates";
import {
  APPROVAL_PAGE_SIZE,
  approvalFilters,
  defaultApprovalWeek,
  listOpenCorrectionRequests,
  listWeekApprovals,
  matchesApprovalFilter,
  type ApprovalFilter,
} from "@/lib/hours/coordinator-queries";
import { addDaysToKey, formatMinutesAsHours, isWeekStart, weekNumberOf } from "@/lib/hours/rules";
import { getFormatter, getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("hoursDashboard");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const filterPhase = { all: null, awaiting: "confirmed", toConfirm: "toConfirm", late: "late", approved: "approved" } as const;

export default async function HoursPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireCoordinator();
  const t = await getTranslations("hoursDashboard");
  const format = await getFormatter();
  const raw = await searchParams;
  const now = new Date();
  const lastWeek = defaultApprovalWeek(now, actor.timeZone);
  const requestedWeek = first(raw.week);
  const weekStart = requestedWeek && isWeekStart(requestedWeek) ? requestedWeek : lastWeek;
  const requestedFilter = first(raw.filter);
  const filter: ApprovalFilter = approvalFilters.find((option) => option === requestedFilter) ?? "all";
  const requestedPage = Number(first(raw.page) ?? "1");

  const [list, requests] = await Promise.all([listWeekApprovals(actor.tenantId, weekStart, now), listOpenCorrectionRequests(actor.tenantId)]);
  const hrefFor = (week: string, chosen: ApprovalFilter = filter, pageNumber = 1) => {
    const params = new URLSearchParams();
    if (week !== lastWeek) params.set("week", week);
    if (chosen !== "all") params.set("filter", chosen);
    if (pageNumber > 1) params.set("page", String(pageNumber));
    const search = params.toString();
    return search ? `/dashboard/hours?${search}` : "/dashboard/hours";
  };
  const weekLabel = (week: string) =>
    t("weekHeading", {
      week: weekNumberOf(week).week,
      range: format.dateTimeRange(dayKeyAsDate(week), dayKeyAsDate(addDaysToKey(week, 6)), "day", { timeZone: "UTC" }),
    });
  const moment = (date: Date) => format.dateTime(date, "moment", { timeZone: actor.timeZone });
  const countOf = (option: ApprovalFilter) => {
    const phase = filterPhase[option];
    return phase === null ? list.rows.length : list.counts[phase];
  };
  const filtered = list.rows.filter((row) => matchesApprovalFilter(row.phase, filter));
  const pageCount = Math.max(1, Math.ceil(filtered.length / APPROVAL_PAGE_SIZE));
  const page = Number.isInteger(requestedPage) && requestedPage >= 1 && requestedPage <= pageCount ? requestedPage : 1;
  const rows = filtered.slice((page - 1) * APPROVAL_PAGE_SIZE, page * APPROVAL_PAGE_SIZE);
  const exportWeeks = Array.from({ length: 12 }, (_, index) => addDaysToKey(lastWeek, -7 * index));
  if (!exportWeeks.includes(weekStart)) exportWeeks.unshift(weekStart);

  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 max-w-3xl text-stone-700">{t("intro")}</p>

      <nav aria-label={t("weekNavigation")} className="mt-5 flex flex-wrap items-center gap-x-6 gap-y-2">
        <Link href={hrefFor(addDaysToKey(weekStart, -7))} className="text-brand-700 underline underline-offset-2">
          ← {t("previousWeek")}
        </Link>
        <h2 className="text-xl font-semibold">{weekLabel(weekStart)}</h2>
        <Link href={hrefFor(addDaysToKey(weekStart, 7))} className="text-brand-700 underline underline-offset-2">
          {t("nextWeek")} →
        </Link>
      </nav>

      <nav aria-label={t("filter.label")} className="mt-4 flex flex-wrap gap-2">
        {approvalFilters.map((option) => (
          <Link
            key={option}
            href={hrefFor(weekStart, option)}
            aria-current={option === filter ? "page" : undefined}
            className={`rounded-full border px-3 py-1.5 ${option === filter ? "border-brand-600 bg-brand-50 font-semibold text-brand-800" : "border-stone-300 bg-white text-stone-800 hover:bg-stone-50"}`}
          >
            {t(`filter.${option}`, { count: countOf(option) })}
          </Link>
        ))}
      </nav>

      <HoursApprovalTable
        // Another week, filter or page starts with an empty selection.
        key={hrefFor(weekStart, filter, page)}
        weekStart={weekStart}
        caption={t("table.caption", { count: filtered.length })}
        paging={{
          label: t("table.pagination"),
          previous: page > 1 ? { href: hrefFor(weekStart, filter, page - 1), label: t("table.previous") } : null,
          next: page < pageCount ? { href: hrefFor(weekStart, filter, page + 1), label: t("table.next") } : null,
        }}
        empty={t(filter === "all" ? "table.empty" : "table.emptyFiltered")}
        rows={rows.map((row) => ({
          personId: row.personId,
          name: row.name,
          href: `/dashboard/hours/${row.personId}/${weekStart}`,
          total: t("hoursValue", { hours: formatMinutesAsHours(row.totalMinutes) }),
          status: t(`phase.${row.phase}`),
          returnComment: row.returnComment,
          confirmedAt: row.confirmedAt ? moment(row.confirmedAt) : null,
          correctionRequest: row.correctionRequest,
          canSendBack: row.phase !== "approved" && row.phase !== "notYet",
        }))}
      />

      <section aria-labelledby="correction-requests" className="mt-10">
        <h2 id="correction-requests" className="text-xl font-semibold">
          {t("corrections.title")}
        </h2>
        <p className="mt-1 max-w-3xl text-stone-700">{t("corrections.intro")}</p>
        <CorrectionRequestList
          empty={t("corrections.empty")}
          requests={requests.map((request) => ({
            personId: request.personId,
            weekStart: request.weekStart,
            name: request.name,
            when: [t("corrections.week", { week: weekNumberOf(request.weekStart).week }), request.requestedAt ? t("corrections.requestedAt", { moment: moment(request.requestedAt) }) : null]
              .filter(Boolean)
              .join(", "),
            message: request.message,
            href: `/dashboard/hours/${request.personId}/${request.weekStart}`,
          }))}
        />
      </section>

      <section aria-labelledby="hours-export" className="mt-10">
        <h2 id="hours-export" className="text-xl font-semibold">
          {t("export.title")}
        </h2>
        <p className="mt-1 max-w-3xl text-stone-700">{t("export.intro")}</p>
        <HoursExportForm weeks={exportWeeks.map((week) => ({ value: week, label: weekLabel(week) }))} defaultWeek={weekStart} defaultMonth={addDaysToKey(weekStart, 3).slice(0, 7)} />
      </section>
    </>
  );
}
