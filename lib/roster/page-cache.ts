// The roster reads the member pages keep in the page cache (lib/cache/tags.ts): a week's shifts as
// the rules see them, kept once per organisation, and a member's own facts (groups, own shifts,
// coming shifts, handover requests), kept per member. Every entry is tagged with the organisation's
// roster, so any change to shifts, places, handovers, groups or people expires it at commit. None
// takes the current time: time-dependent choices (what has started, what is still coming) are made
// by the page from the facts, and a day or week key stands in where a read needs a lower bound.
import { toInstant, resolveWeek, type MemberRosterFacts, type ShiftFacts } from "./rules";
import {
  getMemberRosterFacts,
  listOpenHandoverRequestsOfPerson,
  listShiftFactsOfRange,
  listShiftsForPerson,
  type OwnHandoverRequest,
  type ShiftCardItem,
  type ShiftListItem,
} from "./queries";
import { cachedForOrganisation } from "@/lib/cache/tags";

function weekRangeOf(weekKey: string, timeZone: string): { from: Date; to: Date } {
  // The key is one resolveWeek made; the current time only decides `isCurrent`, which is not used here.
  const week = resolveWeek({ week: weekKey }, new Date(), timeZone);
  return { from: week.from, to: week.to };
}

/** Every shift of the week ("2026-W49") that is not cancelled, as the rules see it: the same for every member. */
export async function readWeekShiftFacts(tenantId: string, weekKey: string, timeZone: string): Promise<(ShiftFacts & { id: string })[]> {
  "use cache";
  cachedForOrganisation(tenantId, "roster");
  return listShiftFactsOfRange(tenantId, weekRangeOf(weekKey, timeZone));
}

/** The member's groups and own shifts that could overlap one of the week's: what "open for me" needs beyond the week. */
export async function readMemberRosterFacts(tenantId: string, personId: string, weekKey: string, timeZone: string): Promise<MemberRosterFacts> {
  "use cache";
  cachedForOrganisation(tenantId, "roster");
  return getMemberRosterFacts(tenantId, personId, weekRangeOf(weekKey, timeZone));
}

/** How many of the member's shifts Mijn pagina reads at most; it shows the first few of them. */
export const COMING_SHIFTS_READ = 30;

export type MemberComing = {
  /** Shifts that end after the day began, soonest first: the page drops those that have ended since. */
  shifts: ShiftCardItem[];
  /** Open handover requests for shifts that start after the day began: the page drops those that have started. */
  handovers: OwnHandoverRequest[];
};

/** The member's coming shifts and open handover requests as of the start of `day` (YYYY-MM-DD in the zone). */
export async function readMemberComing(tenantId: string, personId: string, day: string, timeZone: string): Promise<MemberComing> {
  "use cache";
  cachedForOrganisation(tenantId, "roster");
  const dayStart = toInstant(day, "00:00", timeZone) ?? new Date(`${day}T00:00:00Z`);
  const [shifts, handovers] = await Promise.all([
    listShiftsForPerson(tenantId, personId, "coming", dayStart, COMING_SHIFTS_READ),
    listOpenHandoverRequestsOfPerson(tenantId, personId, dayStart),
  ]);
  // Who else is on them is left to each shift's page.
  return { shifts: shifts.map(cardOf), handovers };
}

function cardOf({ id, activity, locationName, startsAt, endsAt, needed, filled, groupId, groupName }: ShiftListItem): ShiftCardItem {
  return { id, activity, locationName, startsAt, endsAt, needed, filled, groupId, groupName };
}
