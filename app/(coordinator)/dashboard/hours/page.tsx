import type { Metadata } from "next";
import Link from "next/link";
import { CorrectionRequestList } from "@/components/coordinator/correction-request-list";
import { HoursApprovalTable, type HoursApprovalRowView } from "@/components/coordinator/hours-approval-table";
import { HoursExportForm } from "@/components/coordinator/hours-export-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requireCoordinator } from "@/lib/auth/session";
import { organisationKey } from "@/lib/cache/tags";
import { dayKeyAsDate } from "@/lib/dates";
import { getApprovalPage, readOpenCorrectionRequests } from "@/lib/hours/approval-page-cache";
import { approvalFilters, defaultApprovalWeek, type ApprovalFilter } from "@/lib/hours/coordinator-queries";
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

/** The oldest open correction requests shown before "show all". */
const CORRECTIONS_SHOWN = 3;

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
  const name = (first(raw.q) ?? "").trim().slice(0, 100);
  const requestedPage = Math.max(1, Math.trunc(Number(first(raw.page))) || 1);
  const allRequests = first(raw.requests) === "all";

  // The coordinator's role is checked above; the organisation comes from the session.
  const [list, requests] = await Promise.all([
    getApprovalPage(actor.tenantId, weekStart, { filter, name, page: requestedPage }, now),
    readOpenCorrectionRequests(organisationKey(actor.tenantId), allRequests ? null : CORRECTIONS_SHOWN),
  ]);
  const hrefFor = (week: string, chosen: ApprovalFilter = filter, pageNumber = 1, more: { name?: string; requests?: boolean } = {}) => {
    const params = new URLSearchParams();
    if (week !== lastWeek) params.set("week", week);
    if (chosen !== "all") params.set("filter", chosen);
    if (more.name) params.set("q", more.name);
    if (pageNumber > 1) params.set("page", String(pageNumber));
    if (more.requests) params.set("requests", "all");
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
    return phase === null ? list.total : list.counts[phase];
  };
  const { page, pageCount } = list;
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

      <nav aria-label={t("filter.label")} className="mt-4 flex flex-wrap gap-2 [&>a]:rounded-full [&>a]:border [&>a]:px-3 [&>a]:py-1.5">
        {approvalFilters.map((option) => (
          <Link
            key={option}
            href={hrefFor(weekStart, option, 1, { name })}
            aria-current={option === filter ? "page" : undefined}
            className={option === filter ? "border-brand-600 bg-brand-50 font-semibold text-brand-800" : "border-stone-300 bg-white hover:bg-stone-50"}
          >
            {t(`filter.${option}`, { count: countOf(option) })}
          </Link>
        ))}
      </nav>

      <form method="get" action="/dashboard/hours" role="search" className="mt-4 flex flex-wrap items-end gap-3">
        {weekStart !== lastWeek ? <input type="hidden" name="week" value={weekStart} /> : null}
        {filter !== "all" ? <input type="hidden" name="filter" value={filter} /> : null}
        <Field label={t("search.label")} id="hours-search" name="q" type="search" defaultValue={name} maxLength={100} size="compact" width="short" inputClassName="sm:w-72" />
        <Button variant="secondary" type="submit">
          {t("search.submit")}
        </Button>
        {name ? (
          <Link href={hrefFor(weekStart, filter)} className="py-2.5 text-brand-700 underline underline-offset-2">
            {t("search.clear")}
          </Link>
        ) : null}
      </form>

      <HoursApprovalTable
        // Another week, filter, name or page starts with an empty selection.
        key={hrefFor(weekStart, filter, page, { name })}
        weekStart={weekStart}
        caption={t(name ? "table.captionNamed" : "table.caption", { count: list.matching, name })}
        empty={t(filter === "all" && !name ? "table.empty" : "table.emptyFiltered")}
        rows={list.rows.map((row) => {
          const view: HoursApprovalRowView = { id: row.personId, name: row.name, total: t("hoursValue", { hours: formatMinutesAsHours(row.totalMinutes) }), phase: row.phase };
          if (row.returnComment) view.returned = row.returnComment;
          if (row.confirmedAt) view.confirmed = moment(row.confirmedAt);
          if (row.correctionRequest) view.correction = row.correctionRequest;
          return view;
        })}
      />
      {pageCount > 1 ? (
        <nav aria-label={t("table.pagination")} className="mt-4 flex flex-wrap items-center justify-between gap-4">
          {page > 1 ? (
            <Link href={hrefFor(weekStart, filter, page - 1, { name })} rel="prev" className="font-medium underline underline-offset-2">
              {t("table.previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-stone-700">{t("table.pageOf", { page, count: pageCount })}</span>
          {page < pageCount ? (
            <Link href={hrefFor(weekStart, filter, page + 1, { name })} rel="next" className="font-medium underline underline-offset-2">
              {t("table.next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}

      <section aria-labelledby="correction-requests" className="mt-10">
        <h2 id="correction-requests" className="text-xl font-semibold">
          {t("corrections.title")}
        </h2>
        <p className="mt-1 max-w-3xl text-stone-700">{t("corrections.intro")}</p>
        <CorrectionRequestList
          empty={t("corrections.empty")}
          requests={requests.requests.map((request) => ({
            personId: request.personId,
            weekStart: request.weekStart,
            name: request.name,
            when: [t("corrections.week", { week: weekNumberOf(request.weekStart).week }), request.requestedAt ? t("corrections.requestedAt", { moment: moment(request.requestedAt) }) : null]
              .filter(Boolean)
              .join(", "),
            message: request.message,
          }))}
        />
        {requests.total > requests.requests.length ? (
          <p className="mt-3">
            <Link href={hrefFor(weekStart, filter, page, { name, requests: true })} className="text-brand-700 underline underline-offset-2">
              {t("corrections.showAll", { count: requests.total })}
            </Link>
          </p>
        ) : null}
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
