import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import type { GroupOption, AccessStatusCounts, LocationOption } from "@/lib/accounts/blocking/queries";
import { accessStatusFilters, peoplePageSizes, type AccessStatusFilter, type PeoplePageSize, type PeopleSort, type SortDirection } from "@/lib/accounts/blocking/rules";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";

type PeopleFilterFormProps = {
  search: string;
  groupId: string | null;
  locationId: string | null;
  status: AccessStatusFilter;
  /** Kept when filtering: the sort is chosen in the table's headers. */
  sort: PeopleSort;
  direction: SortDirection;
  /** People per page; a longer page for working through many at once. */
  pageSize: PeoplePageSize;
  groups: GroupOption[];
  locations: LocationOption[];
  counts: AccessStatusCounts;
};

/** Search, group, location and status filters of the people page: a plain GET form, so it works before any script loads. */
export async function PeopleFilterForm({ search, groupId, locationId, status, sort, direction, pageSize, groups, locations, counts }: PeopleFilterFormProps) {
  const t = await getTranslations("accounts.filters");
  const tTable = await getTranslations("memberRecords.table");
  const filtered = Boolean(search) || Boolean(groupId) || Boolean(locationId) || status !== "all";
  return (
    <form method="get" action="/dashboard/people" role="search" aria-label={t("label")} className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 md:grid-cols-2 xl:grid-cols-[1fr_0.8fr_0.8fr_1.4fr_auto_auto] md:items-end">
      {sort !== "name" ? <input type="hidden" name="sort" value={sort} /> : null}
      {direction !== "asc" ? <input type="hidden" name="dir" value={direction} /> : null}
      <Field label={t("search")} id="people-search" name="q" type="search" defaultValue={search} maxLength={100} placeholder={t("searchPlaceholder")} size="compact" />
      <SelectField
        id="people-group"
        name="group"
        label={t("group")}
        defaultValue={groupId ?? ""}
        options={[{ value: "", label: t("allGroups") }, ...groups.map((group) => ({ value: group.id, label: group.name }))]}
      />
      <div>
        <SelectField
          id="people-location"
          name="location"
          label={tTable("location")}
          defaultValue={locationId ?? ""}
          aria-describedby="people-location-hint"
          options={[{ value: "", label: tTable("allLocations") }, ...locations.map((location) => ({ value: location.id, label: location.name }))]}
        />
        <p id="people-location-hint" className="sr-only">
          {tTable("locationHint")}
        </p>
      </div>
      <SelectField
        id="people-status"
        name="status"
        label={t("status")}
        defaultValue={status}
        options={accessStatusFilters.map((option) => ({ value: option, label: t(`status_${option}`, { count: counts[option] }) }))}
      />
      <SelectField
        id="people-size"
        name="size"
        label={t("pageSize")}
        defaultValue={String(pageSize)}
        options={peoplePageSizes.map((size) => ({ value: String(size), label: String(size) }))}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="confirm" type="submit">
          {t("submit")}
        </Button>
        {filtered ? (
          <Link href="/dashboard/people" className="py-2.5 text-stone-700 underline underline-offset-2">
            {t("clear")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
