"use client";
import Link from "next/link";
import type { PeopleSort, SortDirection } from "@/lib/accounts/blocking/rules";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";

/** A choice as [value, label]: a list of them travels in the page's payload. */
type Choice = [value: string, label: string];
const option = ([value, label]: Choice) => ({ value, label });

/** The form's words, translated by the page (the members table does not send its filters' texts). */
export type PeopleFilterTexts = {
  label: string;
  search: string;
  searchPlaceholder: string;
  group: string;
  allGroups: string;
  location: string;
  allLocations: string;
  locationHint: string;
  status: string;
  pageSize: string;
  submit: string;
  clear: string;
};

type PeopleFilterFormProps = {
  texts: PeopleFilterTexts;
  search: string;
  groupId: string | null;
  locationId: string | null;
  status: string;
  /** Kept when filtering: the sort is chosen in the table's headers. */
  sort: PeopleSort;
  direction: SortDirection;
  /** People per page; a longer page for working through many at once. */
  pageSize: number;
  /** The same objects as the table's group choices: the page's payload then holds them once. */
  groups: readonly { id: string; name: string }[];
  locations: Choice[];
  /** Each status with its count, the first being everyone. */
  statuses: Choice[];
  pageSizes: readonly number[];
};

/**
 * Search, group, location and status filters of the people page: a plain GET form, so it works before
 * any script loads. A client component whose props are its choices and words: as a server component
 * its whole element tree travelled a second time in the page's payload.
 */
export function PeopleFilterForm({ texts, search, groupId, locationId, status, sort, direction, pageSize, groups, locations, statuses, pageSizes }: PeopleFilterFormProps) {
  const filtered = Boolean(search) || Boolean(groupId) || Boolean(locationId) || status !== statuses[0]?.[0];
  return (
    <form method="get" action="/dashboard/people" role="search" aria-label={texts.label} className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 md:grid-cols-2 xl:grid-cols-[1fr_0.8fr_0.8fr_1.4fr_auto_auto] md:items-end">
      {sort !== "name" ? <input type="hidden" name="sort" value={sort} /> : null}
      {direction !== "asc" ? <input type="hidden" name="dir" value={direction} /> : null}
      <Field label={texts.search} id="people-search" name="q" type="search" defaultValue={search} maxLength={100} placeholder={texts.searchPlaceholder} size="compact" />
      <SelectField id="people-group" name="group" label={texts.group} defaultValue={groupId ?? ""} options={[{ value: "", label: texts.allGroups }, ...groups.map((group) => ({ value: group.id, label: group.name }))]} />
      <div>
        <SelectField
          id="people-location"
          name="location"
          label={texts.location}
          defaultValue={locationId ?? ""}
          aria-describedby="people-location-hint"
          options={[{ value: "", label: texts.allLocations }, ...locations.map(option)]}
        />
        <p id="people-location-hint" className="sr-only">
          {texts.locationHint}
        </p>
      </div>
      <SelectField id="people-status" name="status" label={texts.status} defaultValue={status} options={statuses.map(option)} />
      <SelectField
        id="people-size"
        name="size"
        label={texts.pageSize}
        defaultValue={String(pageSize)}
        options={pageSizes.map((size) => ({ value: String(size), label: String(size) }))}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="confirm" type="submit">
          {texts.submit}
        </Button>
        {filtered ? (
          <Link href="/dashboard/people" className="py-2.5 text-stone-700 underline underline-offset-2">
            {texts.clear}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
