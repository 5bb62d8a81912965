// Signing off is for one's own sign-ups only: a place a coordinator gave or a colleague handed over
// is left by handing it over, even on the day one got it. Through the real guards (stubbed session),
// as members and coordinators use them. Runs unchanged on PGlite, PostgreSQL and the Neon driver.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { assignments } from "@/lib/db/schema/roster";
import { assignPeopleToShift, removePeopleFromShift, signOffFromShift, signUpForShift } from "@/lib/roster/actions";
import { acceptHandoverRequest, askForHandover } from "@/lib/roster/handover-actions";
import { getShiftForMember } from "@/lib/roster/queries";
import { setUpSignedOutDatabase, signInAs } from "@/tests/setup/sign-in-as";
import { actorOf, createRosterOrganisation, daysAhead, peopleOn, shiftIn, type Member, type RosterOrganisation } from "./roster-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));

const database = setUpSignedOutDatabase();
let org: RosterOrganisation;

beforeAll(async () => {
  org = await createRosterOrganisation(database.db, "Afmelden", 5);
});

async function sourceOf(shiftId: string, member: Member): Promise<string | undefined> {
  const [row] = await database.db
    .select({ source: assignments.source })
    .from(assignments)
    .where(and(eq(assignments.shiftId, shiftId), eq(assignments.personId, member.person.id)));
  return row?.source;
}

/** Asks `colleague` to take the shift over as `holder`, then accepts as `colleague`. */
async function handOver(holder: Member, colleague: Member, shiftId: string): Promise<void> {
  signInAs(await actorOf(holder));
  const asked = await askForHandover({ shiftId, personIds: [colleague.person.id] });
  if (!asked.ok || asked.value.outcome !== "requested") throw new Error(`not asked: ${JSON.stringify(asked)}`);
  signInAs(await actorOf(colleague));
  expect(await acceptHandoverRequest({ requestId: asked.value.requestId })).toEqual({ ok: true, value: { outcome: "accepted", shiftId } });
}

describe("only a place the member took themselves can be given back that day", () => {
  it("a shift a coordinator assigned cannot be signed off the same day; handing it over still works", async () => {
    const [member, colleague] = org.members.slice(2, 4);
    const shift = await shiftIn(database.db, org, { startsAt: daysAhead(5, "09:00") });
    signInAs(await actorOf(org.coordinator));
    expect(await assignPeopleToShift({ shiftId: shift.id, personIds: [member.person.id] })).toMatchObject({ ok: true });
    expect(await sourceOf(shift.id, member)).toBe("coordinator");

    signInAs(await actorOf(member));
    expect(await signOffFromShift({ shiftId: shift.id })).toEqual({ ok: true, value: { outcome: "refused", problem: "notOwnSignUp" } });
    expect(await peopleOn(database.db, shift.id)).toEqual([member.person.id]);
    // The page knows how the member got on it, so it offers a handover instead of the sign-off button.
    expect((await getShiftForMember(org.organisation.id, member.person.id, shift.id))?.myPlace).toMatchObject({ source: "coordinator" });

    await handOver(member, colleague, shift.id);
    expect(await peopleOn(database.db, shift.id)).toEqual([colleague.person.id]);
  });

  it("a shift taken over from a colleague cannot be signed off the same day", async () => {
    const [holder, taker] = org.members.slice(2, 4);
    const shift = await shiftIn(database.db, org, { startsAt: daysAhead(6, "09:00") });
    signInAs(await actorOf(holder));
    expect(await signUpForShift({ shiftId: shift.id })).toEqual({ ok: true, value: { outcome: "signedUp" } });
    await handOver(holder, taker, shift.id);
    expect(await sourceOf(shift.id, taker)).toBe("handover");

    signInAs(await actorOf(taker));
    expect(await signOffFromShift({ shiftId: shift.id })).toEqual({ ok: true, value: { outcome: "refused", problem: "notOwnSignUp" } });
    expect(await peopleOn(database.db, shift.id)).toEqual([taker.person.id]);
    expect((await getShiftForMember(org.organisation.id, taker.person.id, shift.id))?.myPlace).toMatchObject({ source: "handover" });
  });

  it("my own sign-up can still be given back that day", async () => {
    const member = org.members[4];
    const shift = await shiftIn(database.db, org, { startsAt: daysAhead(7, "09:00") });
    signInAs(await actorOf(member));
    expect(await signUpForShift({ shiftId: shift.id })).toEqual({ ok: true, value: { outcome: "signedUp" } });
    expect(await sourceOf(shift.id, member)).toBe("self");
    expect(await signOffFromShift({ shiftId: shift.id })).toEqual({ ok: true, value: { outcome: "signedOff" } });
    expect(await peopleOn(database.db, shift.id)).toEqual([]);
  });

  it("a coordinator still takes anyone off a shift, however they got on it", async () => {
    const [member, colleague] = org.members.slice(2, 4);
    const shift = await shiftIn(database.db, org, { startsAt: daysAhead(8, "09:00") });
    signInAs(await actorOf(org.coordinator));
    await assignPeopleToShift({ shiftId: shift.id, personIds: [member.person.id] });
    await handOver(member, colleague, shift.id);
    signInAs(await actorOf(org.coordinator));
    expect(await removePeopleFromShift({ shiftId: shift.id, personIds: [colleague.person.id] })).toEqual({ ok: true, value: { outcome: "removed", count: 1 } });
    expect(await peopleOn(database.db, shift.id)).toEqual([]);
  });
});
