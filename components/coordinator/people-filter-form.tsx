import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import type { GroupOption, AccessStatusCounts, LocationOption } from "@/lib/accounts/blocking/queries";
import { accessStatusFilters, type AccessStatusFilter, type PeopleSort, type SortDirection } from "@/lib/accounts/blocking/rules";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

type PeopleFilterFormProps = {
  search: string;
  groupId: string | null;
  locationId: string | null;
  status: AccessStatusFilter;
  /** Kept when filtering: the sort is chosen in the table's headers. */
  sort: PeopleSort;
  direction: SortDirection;
  groups: GroupOption[];
  locations: LocationOption[];
  counts: AccessStatusCounts;
};

/** Search, group, location and status filters of the people page: a plain GET form, so it works before any script loads. */
export async function PeopleFilterForm({ search, groupId, locationId, status, sort, direction, groups, locations, counts }: PeopleFilterFormProps) {
  const t = await getTranslations("accounts.filters");
  const tTable = await getTranslations("memberRecords.table");
  const field = "mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base";
  const filtered = Boolean(search) || Boolean(groupId) || Boolean(locationId) || status !== "all";
  return (
    <form method="get" action="/dashboard/people" role="search" aria-label={t("label")} className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 md:grid-cols-2 xl:grid-cols-[1fr_0.8fr_0.8fr_1.4fr_auto] md:items-end">
      {sort !== "name" ? <input type="hidden" name="sort" value={sort} /> : null}
      {direction !== "asc" ? <input type="hidden" name="dir" value={direction} /> : null}
      <Field label={t("search")} id="people-search" name="q" type="search" defaultValue={search} maxLength={100} placeholder={t("searchPlaceholder")} size="compact" />
      <div>
        <label htmlFor="people-group" className="block font-medium">
          {t("group")}
        </label>
        <select id="people-group" name="group" defaultValue={groupId ?? ""} className={field}>
          <option value="">{t("allGroups")}</option>
          {groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="people-location" className="block font-medium">
          {tTable("location")}
        </label>
        <select id="people-location" name="location" defaultValue={locationId ?? ""} aria-describedby="people-location-hint" className={field}>
          <option value="">{tTable("allLocations")}</option>
          {locations.map((location) => (
            <option key={location.id} value={location.id}>
              {location.name}
            </option>
          ))}
        </select>
        <p id="people-location-hint" className="sr-only">
          {tTable("locationHint")}
        </p>
      </div>
      <div>
        <label htmlFor="people-status" className="block font-medium">
          {t("status")}
        </label>
        <select id="people-status" name="status" defaultValue={status} className={field}>
          {accessStatusFilters.map((option) => (
            <option key={option} value={option}>
              {t(`status_${option}`, { count: counts[option] })}
            </option>
          ))}
        </select>
      </div>
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
