// The members table's reads the page cache keeps (lib/cache/tags.ts), once per organisation and
// filter, the same for every coordinator: a page of people with their login state, the counts per
// status, the group and location choices, and the latest bulk mailing's progress. People, groups and
// logins expire at commit through the "people" and "accounts" tags; a "works at" filter and the
// location choices through "roster"; the mailing through "mail". The page checks the coordinator
// (requireCoordinator) and makes the organisation's key from the session before it asks for any of
// these; what this coordinator may do to a row is worked out per request from the cached facts.
import { cachedForOrganisation, type CacheDomain, type OrganisationKey } from "@/lib/cache/tags";
import { dayKeyAsDate } from "@/lib/dates";
import { getLatestMailBatchProgress, type MailBatchProgress } from "@/lib/mail/batches";
import {
  countPeopleByAccessStatus,
  listGroupOptions,
  listLocationOptions,
  listPeopleAccess,
  type AccessStatusCounts,
  type GroupOption,
  type LocationOption,
  type PeopleAccessFilter,
  type PeopleAccessPage,
} from "./queries";

export type PeopleTableFacts = { page: PeopleAccessPage; counts: AccessStatusCounts; groups: GroupOption[] };

/**
 * One page of the table for `filter`, with the counts per status and the groups to filter by.
 * `today` (YYYY-MM-DD in the organisation's zone) decides who has left and, for the "works at" filter,
 * the three months looked back from the start of that day.
 */
export async function readPeopleTable(organisation: OrganisationKey, filter: PeopleAccessFilter, today: string): Promise<PeopleTableFacts> {
  "use cache";
  const domains: CacheDomain[] = filter.locationId ? ["people", "accounts", "roster"] : ["people", "accounts"];
  const tenantId = cachedForOrganisation(organisation, ...domains);
  const [page, counts, groups] = await Promise.all([
    listPeopleAccess(tenantId, filter, today, dayKeyAsDate(today)),
    countPeopleByAccessStatus(tenantId, today),
    listGroupOptions(tenantId, { include: filter.groupId }),
  ]);
  return { page, counts, groups };
}

/** The locations of the "works at" filter. */
export async function readLocationOptions(organisation: OrganisationKey): Promise<LocationOption[]> {
  "use cache";
  const tenantId = cachedForOrganisation(organisation, "roster");
  return listLocationOptions(tenantId);
}

/**
 * The latest bulk mailing still worth watching (see getLatestMailBatchProgress), with the names of
 * members whose mail failed. Its 24-hour window is judged when the entry is made, so a finished-with-
 * failures batch may stay up to the cache's lifetime (10 minutes) past it.
 */
export async function readMailBatchProgress(organisation: OrganisationKey): Promise<MailBatchProgress | null> {
  "use cache";
  const tenantId = cachedForOrganisation(organisation, "mail", "people");
  return getLatestMailBatchProgress(tenantId);
}
