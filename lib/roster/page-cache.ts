// The roster reads the member pages keep in the page cache (lib/cache/tags.ts): a week's shifts as
// the rules see them and as "Alle diensten" shows them, kept once per organisation, and a member's
// own facts (groups, own shifts, coming shifts, handover requests), kept per member. Every entry is
// tagged with the organisation's roster, so any change to shifts, places, handovers, groups or people
// expires it at commit. None takes the current time: time-dependent choices (what has started, what
// is still coming) are made by the page from the facts, and a day or week key stands in where a read
// needs a lower bound. Also the roster pages' week, remembered per process.
import { localDateKey } from "@/lib/dates";
import { placesLeft, resolveWeek, rosterViewOf, toInstant, type MemberRosterFacts, type RosterView, type RosterWeek, type ShiftFacts } from "./rules";
import {
  getMemberRosterFacts,
  listOpenHandoverRequestsOfPerson,
  listShiftFactsOfRange,
  listShiftsForPerson,
  type OwnHandoverRequest,
  type ShiftCardItem,
  type ShiftListItem,
} from "./queries";
import { cachedForOrganisation, type OrganisationKey } from "@/lib/cache/tags";

function weekRangeOf(weekKey: string, timeZone: string): { from: Date; to: Date } {
  // The key is one resolveWeek made; the current time only decides `isCurrent`, which is not used here.
  const week = resolveWeek({ week: weekKey }, new Date(), timeZone);
  return { from: week.from, to: week.to };
}

/** A shift of a roster week as the rules see it, with the calendar day (in the zone) it starts on. */
export type WeekShift = ShiftFacts & { id: string; day: string };

async function listWeekShifts(tenantId: string, weekKey: string, timeZone: string): Promise<WeekShift[]> {
  const shifts = await listShiftFactsOfRange(tenantId, weekRangeOf(weekKey, timeZone));
  return shifts.map((shift) => ({ ...shift, day: localDateKey(shift.startsAt, timeZone) }));
}

/**
 * The shifts of the week ("2026-W49") that still have a free place: the only ones that can be open
 * for anyone, the same for every member. Whether one is open for a member now is `openShiftsFor`.
 */
export async function readWeekFreePlaces(organisation: OrganisationKey, weekKey: string, timeZone: string): Promise<WeekShift[]> {
  "use cache";
  const tenantId = cachedForOrganisation(organisation, "roster");
  return (await listWeekShifts(tenantId, weekKey, timeZone)).filter((shift) => placesLeft(shift.needed, shift.filled) > 0);
}

/**
 * "Alle diensten" of the week as the page shows it for `day`, `shown` and `today` (see rosterViewOf):
 * the same for every member, so it is worked out once and kept. Each shift shown comes with its end,
 * so the page can tell which have ended.
 */
export async function readAllShiftsView(
  organisation: OrganisationKey,
  weekKey: string,
  timeZone: string,
  page: { day: string | null; shown: number | null; today: string },
): Promise<RosterView<{ id: string; endsAt: Date }>> {
  "use cache";
  const tenantId = cachedForOrganisation(organisation, "roster");
  const shifts = await listWeekShifts(tenantId, weekKey, timeZone);
  const week = resolveWeek({ week: weekKey }, new Date(), timeZone);
  return rosterViewOf(
    shifts.map(({ id, day, endsAt }) => ({ id, day, endsAt })),
    { weekDays: week.days, requested: page.day ?? undefined, today: page.today, asked: page.shown ?? undefined },
  );
}

/** Weeks a roster page resolved recently, by what decides them; resolving one takes dozens of zone conversions. */
const resolvedWeeks = new Map<string, RosterWeek>();

/**
 * resolveWeek for a page, remembered per process: the week depends only on the page's `week` and
 * `from`, the zone and today's date there (which week is the current one).
 */
export function resolveRosterWeek(params: { week?: string | null; from?: string | null }, now: Date, timeZone: string, today: string): RosterWeek {
  const key = [timeZone, today, params.week ?? "", params.from ?? ""].join("|");
  const known = resolvedWeeks.get(key);
  if (known) return known;
  const week = resolveWeek(params, now, timeZone);
  if (resolvedWeeks.size >= 1_000) resolvedWeeks.clear();
  resolvedWeeks.set(key, week);
  return week;
}

/** The member's groups and own shifts that could overlap one of the week's: what "open for me" needs beyond the week. */
export async function readMemberRosterFacts(organisation: OrganisationKey, personId: string, weekKey: string, timeZone: string): Promise<MemberRosterFacts> {
  "use cache";
  const tenantId = cachedForOrganisation(organisation, "roster");
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
export async function readMemberComing(organisation: OrganisationKey, personId: string, day: string, timeZone: string): Promise<MemberComing> {
  "use cache";
  const tenantId = cachedForOrganisation(organisation, "roster");
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
