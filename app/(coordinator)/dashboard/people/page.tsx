import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { LeaversNotice } from "@/components/coordinator/leavers-notice";
import { MailBatchProgress } from "@/components/coordinator/mail-batch-progress";
import { OnDemandMessages } from "@/components/on-demand-messages";
import { PageLinks } from "@/components/coordinator/page-links";
import { PeopleAccessManager } from "@/components/coordinator/people-access-manager";
import { PeopleFilterForm } from "@/components/coordinator/people-filter-form";
import { packRow } from "@/components/coordinator/person-access-row";
import { readLocationOptions, readMailBatchProgress, readPeopleTable } from "@/lib/accounts/blocking/page-cache";
import { accessStatusFilters, firstSchedulableDate, peoplePageSizes } from "@/lib/accounts/blocking/rules";
import { peopleFilterSchema } from "@/lib/accounts/blocking/schemas";
import { requireCoordinator } from "@/lib/auth/session";
import { organisationKey } from "@/lib/cache/tags";
import { todayIn } from "@/lib/dates";
import { personAccessView, plainBadgeLabels } from "./person-access-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("accounts");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function PeopleAccessPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireCoordinator();
  const t = await getTranslations("accounts");
  const format = await getFormatter();
  const raw = await searchParams;
  const tRecords = await getTranslations("memberRecords");
  const tFilters = await getTranslations("accounts.filters");
  const filter = peopleFilterSchema.parse({
    q: first(raw.q),
    group: first(raw.group),
    location: first(raw.location),
    status: first(raw.status),
    sort: first(raw.sort),
    dir: first(raw.dir),
    size: first(raw.size),
    page: first(raw.page),
  });
  const now = new Date();
  const today = todayIn(actor.timeZone, now);
  const minScheduleDate = firstSchedulableDate(now, actor.timeZone);
  // The organisation's rows come from the page cache: the same for every coordinator of it, read
  // only after requireCoordinator, with the organisation from the session.
  const organisation = organisationKey(actor.tenantId);
  const [{ page, counts, groups }, locations, mailBatch] = await Promise.all([
    readPeopleTable(
      organisation,
      {
        search: filter.q,
        groupId: filter.group,
        locationId: filter.location,
        status: filter.status,
        sort: filter.sort,
        direction: filter.dir,
        page: filter.page,
        pageSize: filter.size,
      },
      today,
    ),
    readLocationOptions(organisation),
    readMailBatchProgress(organisation),
  ]);
  const groupId = filter.group && groups.some((group) => group.id === filter.group) ? filter.group : null;
  const locationId = filter.location && locations.some((location) => location.id === filter.location) ? filter.location : null;
  const filtered = Boolean(filter.q) || groupId !== null || locationId !== null || filter.status !== "all";

  const viewContext = { actor, today, minScheduleDate, t, format };
  // Given to the filters and to the table as the same objects, so the page's payload holds them once.
  const groupChoices = groups.map((group) => ({ id: group.id, name: group.name, label: t("bulk.groupOption", { name: group.name, count: group.members }) }));

  // The filters in the page's URL; sort, direction, size and page follow them.
  const filterParams = new URLSearchParams();
  if (filter.q) filterParams.set("q", filter.q);
  if (groupId) filterParams.set("group", groupId);
  if (locationId) filterParams.set("location", locationId);
  if (filter.status !== "all") filterParams.set("status", filter.status);
  const sizeParam = filter.size !== peoplePageSizes[0] ? String(filter.size) : null;
  const query = (pageNumber: number) => {
    const params = new URLSearchParams(filterParams);
    if (filter.sort !== "name") params.set("sort", filter.sort);
    if (filter.dir !== "asc") params.set("dir", filter.dir);
    if (sizeParam) params.set("size", sizeParam);
    if (pageNumber > 1) params.set("page", String(pageNumber));
    const search = params.toString();
    return search ? `/dashboard/people?${search}` : "/dashboard/people";
  };

  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
          <Link href="/dashboard/people/new" className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700">
            {tRecords("new")}
          </Link>
          <Link href="/dashboard/people/import" className="text-brand-700 underline underline-offset-2">
            {tRecords("import")}
          </Link>
          <Link href="/dashboard/audit" className="text-brand-700 underline underline-offset-2">
            {t("auditLink")}
          </Link>
        </div>
      </div>
      <p className="mt-1 max-w-3xl text-stone-700">{t("intro")}</p>

      {filter.status !== "left" && counts.left > 0 ? (
        <div className="mt-4">
          <LeaversNotice count={counts.left} />
        </div>
      ) : null}

      <div className="mt-4">
        <PeopleFilterForm
          texts={{
            label: tFilters("label"),
            search: tFilters("search"),
            searchPlaceholder: tFilters("searchPlaceholder"),
            group: tFilters("group"),
            allGroups: tFilters("allGroups"),
            location: tRecords("table.location"),
            allLocations: tRecords("table.allLocations"),
            locationHint: tRecords("table.locationHint"),
            status: tFilters("status"),
            pageSize: tFilters("pageSize"),
            submit: tFilters("submit"),
            clear: tFilters("clear"),
          }}
          search={filter.q ?? ""}
          groupId={groupId}
          locationId={locationId}
          status={filter.status}
          sort={filter.sort}
          direction={filter.dir}
          pageSize={filter.size}
          groups={groupChoices}
          locations={locations.map((location) => [location.id, location.name])}
          statuses={accessStatusFilters.map((option) => [option, tFilters(`status_${option}`, { count: counts[option] })])}
          pageSizes={peoplePageSizes}
        />
      </div>

      {mailBatch ? (
        // Its words are fetched only while there is a mailing to show (lib/i18n/on-demand-parts.ts).
        <OnDemandMessages part="people.mailProgress">
          <MailBatchProgress initial={{ batchId: mailBatch.batchId, total: mailBatch.total, sent: mailBatch.sent, failed: mailBatch.failed, pending: mailBatch.pending, failedPeople: mailBatch.failedPeople }} />
        </OnDemandMessages>
      ) : null}

      <PeopleAccessManager
        // A new filter or page starts with an empty selection.
        key={query(page.page)}
        rows={page.rows.map((row) => packRow(personAccessView(row, viewContext)))}
        badgeLabels={plainBadgeLabels(t)}
        sorting={{ base: filterParams.toString(), sort: filter.sort, dir: filter.dir, size: sizeParam }}
        groups={groupChoices}
        initialGroupId={groupId}
        minScheduleDate={minScheduleDate}
        caption={t("table.caption", { count: page.total, filtered: filtered ? "true" : "false" })}
        empty={
          page.rows.length > 0
            ? null
            : filtered || page.page > 1
              ? { title: t("table.emptyFiltered"), hint: t("table.emptyFilteredHint") }
              : { title: t("table.empty"), hint: null }
        }
      />

      <PageLinks
        page={page.page}
        pageCount={page.pageCount}
        hrefFor={query}
        labels={{
          navigation: t("table.pagination"),
          previous: t("table.previous"),
          next: t("table.next"),
          pageOf: t("table.pageOf", { page: page.page, pageCount: page.pageCount }),
        }}
      />
    </>
  );
}
