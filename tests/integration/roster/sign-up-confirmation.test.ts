// A member who signs up for or off from a shift themselves gets a confirmation with the sign-in button
// and the add-to-calendar link; a coordinator's assignment sends the assignment mail instead.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { extractLinks } from "@/lib/mail/preview";
import { assignPeopleToShift, signOffFromShift, signUpForShift } from "@/lib/roster/actions";
import { renderShiftCalendar } from "@/lib/roster/calendar";
import { setUpSignedOutDatabase, signInAs } from "@/tests/setup/sign-in-as";
import { actorOf, createRosterOrganisation, daysAhead, mailTo, shiftIn, signInLinksOf, type RosterOrganisation } from "./roster-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));

const database = setUpSignedOutDatabase();
let org: RosterOrganisation;

beforeAll(async () => {
  org = await createRosterOrganisation(database.db, "Bevestiging");
});

/** The signed calendar link of a mail, split into what the calendar route reads. */
function calendarLinkOf(html: string) {
  const href = extractLinks(html).find((link) => link.includes("/api/calendar/shift/"));
  if (!href) return null;
  const url = new URL(href);
  return { shiftId: url.pathname.split("/").pop() ?? "", personId: url.searchParams.get("for") ?? "", signature: url.searchParams.get("sig") ?? "" };
}

describe("confirmations of signing up and off", () => {
  it("a member who signs up gets the confirmation with a sign-in button to the shift and a calendar link that holds the shift", async () => {
    const member = org.members[2];
    const shift = await shiftIn(database.db, org, { startsAt: daysAhead(6, "14:00"), activity: "Soepmiddag" });
    signInAs(await actorOf(member));
    expect(await signUpForShift({ shiftId: shift.id })).toEqual({ ok: true, value: { outcome: "signedUp" } });

    const mails = await mailTo(database.db, member.person.id);
    expect(mails.map((mail) => mail.template)).toEqual(["shift-signed-up"]);
    const [mail] = mails;
    expect(mail.subject).toMatch(/^Je bent ingeschreven: Soepmiddag \(Wijkcentrum Bevestiging\), .*14:00–17:00$/);
    expect(mail.toAddress).toBe(member.person.email);
    expect(extractLinks(mail.html).some((link) => link.includes("/l/"))).toBe(true);
    expect(await signInLinksOf(database.db, member.user.id)).toEqual([expect.objectContaining({ destination: `/my/shifts/${shift.id}` })]);

    const calendar = calendarLinkOf(mail.html);
    expect(calendar).toMatchObject({ shiftId: shift.id, personId: member.person.id });
    const ics = await renderShiftCalendar(calendar!);
    expect(ics).toContain("Soepmiddag");
    expect(ics).not.toContain("STATUS:CANCELLED");
  });

  it("signing off sends the sign-off confirmation, whose calendar link now takes the shift out of the calendar", async () => {
    const member = org.members[3];
    const shift = await shiftIn(database.db, org, { startsAt: daysAhead(8, "10:00"), activity: "Taalcafé" });
    signInAs(await actorOf(member));
    expect(await signUpForShift({ shiftId: shift.id })).toEqual({ ok: true, value: { outcome: "signedUp" } });
    expect(await signOffFromShift({ shiftId: shift.id })).toEqual({ ok: true, value: { outcome: "signedOff" } });

    const mails = (await mailTo(database.db, member.person.id)).filter((mail) => mail.html.includes(shift.id));
    expect(mails.map((mail) => mail.template)).toEqual(["shift-signed-up", "shift-signed-off"]);
    const signedOff = mails[1];
    expect(signedOff.subject).toMatch(/^Je bent uitgeschreven: Taalcafé/);
    const ics = await renderShiftCalendar(calendarLinkOf(signedOff.html)!);
    expect(ics).toContain("STATUS:CANCELLED");
  });

  it("a refused sign-up sends nothing", async () => {
    const member = org.members[2];
    const before = (await mailTo(database.db, member.person.id)).length;
    const restricted = await shiftIn(database.db, org, { startsAt: daysAhead(9, "10:00"), groupId: org.group.id });
    signInAs(await actorOf(member));
    expect(await signUpForShift({ shiftId: restricted.id })).toEqual({ ok: true, value: { outcome: "refused", problem: "notInGroup" } });
    expect(await mailTo(database.db, member.person.id)).toHaveLength(before);
  });

  it("a coordinator assigning a member sends the assignment mail, not the sign-up confirmation", async () => {
    const member = org.members[1];
    const shift = await shiftIn(database.db, org, { startsAt: daysAhead(10, "09:00") });
    signInAs(await actorOf(org.coordinator));
    expect(await assignPeopleToShift({ shiftId: shift.id, personIds: [member.person.id] })).toMatchObject({ ok: true });

    const mails = (await mailTo(database.db, member.person.id)).filter((mail) => mail.html.includes(shift.id));
    expect(mails.map((mail) => mail.template)).toEqual(["shift-assigned"]);
  });
});
