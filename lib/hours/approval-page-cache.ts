// The coordinators' approval list ("Uren") as the page cache keeps it (lib/cache/tags.ts): a week's
// people with their totals and sign-off records once per organisation and week, each page of the list
// per stage of the week, filter, name and page, and the open correction requests. Nothing here takes
// the coordinator who asks: the page checks the role first and passes the organisation of the session.
// The "use cache" functions take the organisation's key (lib/cache/tags.ts), which only this server
// makes. Every entry is tagged with the organisation's roster (shifts, places, people, the organisation's
// deadline) and hours (worked hours, sign-off records), so any change to them expires it at commit.
import { cachedForOrganisation, organisationKey, type OrganisationKey } from "@/lib/cache/tags";
import { getHoursSettings } from "./queries";
import {
  approvalListOf,
  approvalPageOf,
  listApprovalWeek,
  listOpenCorrectionRequests,
  listWeekApprovals,
  momentOfStage,
  weekCalendarOf,
  weekStageAt,
  type ApprovalPage,
  type ApprovalQuery,
  type ApprovalWeek,
  type OpenCorrectionRequest,
  type WeekCalendar,
  type WeekStage,
} from "./coordinator-queries";

/** When the week ends and confirming closes, from the organisation's zone and deadline; null without the organisation. */
export async function readWeekCalendar(organisation: OrganisationKey, weekStart: string): Promise<WeekCalendar | null> {
  "use cache";
  const tenantId = cachedForOrganisation(organisation, "roster");
  const settings = await getHoursSettings(tenantId);
  return settings ? weekCalendarOf(weekStart, settings) : null;
}

/** The week's people with every shift of the week counted, ended or not (see `lastShiftEndsAt`). */
export async function readApprovalWeek(organisation: OrganisationKey, weekStart: string): Promise<ApprovalWeek | null> {
  "use cache";
  const tenantId = cachedForOrganisation(organisation, "roster", "hours");
  return listApprovalWeek(tenantId, weekStart, null);
}

type CachedApprovalPage = ApprovalPage & { lastShiftEndsAt: Date | null };

/** One page of the list as it stands at any moment of `stage`; only the page's rows are kept, not the week's. */
export async function readApprovalPage(organisation: OrganisationKey, weekStart: string, stage: WeekStage, query: ApprovalQuery): Promise<CachedApprovalPage | null> {
  "use cache";
  cachedForOrganisation(organisation, "roster", "hours");
  const week = await readApprovalWeek(organisation, weekStart);
  if (!week) return null;
  const now = momentOfStage(weekCalendarOf(weekStart, week), stage);
  return { ...approvalPageOf(approvalListOf(week, now), query), lastShiftEndsAt: week.lastShiftEndsAt };
}

/**
 * The page of the approval list a coordinator asked for, at `now`. From the cache once every shift
 * counted has ended (weeks gone by, the usual case); while one is still running (the current week)
 * read as it stands, since the next minute may add hours. `tenantId` comes from the session of a
 * coordinator (requireCoordinator), never from the request.
 */
export async function getApprovalPage(tenantId: string, weekStart: string, query: ApprovalQuery, now: Date): Promise<ApprovalPage> {
  const organisation = organisationKey(tenantId);
  const calendar = await readWeekCalendar(organisation, weekStart);
  const cached = calendar ? await readApprovalPage(organisation, weekStart, weekStageAt(calendar, now), query) : null;
  if (cached && (cached.lastShiftEndsAt === null || cached.lastShiftEndsAt.getTime() <= now.getTime())) return cached;
  return approvalPageOf(await listWeekApprovals(tenantId, weekStart, now), query);
}

/** The open correction requests, oldest first: the first `shown` of them (all when null) and how many there are. */
export async function readOpenCorrectionRequests(organisation: OrganisationKey, shown: number | null): Promise<{ total: number; requests: OpenCorrectionRequest[] }> {
  "use cache";
  const tenantId = cachedForOrganisation(organisation, "roster", "hours");
  const requests = await listOpenCorrectionRequests(tenantId);
  return { total: requests.length, requests: shown === null ? requests : requests.slice(0, shown) };
}
