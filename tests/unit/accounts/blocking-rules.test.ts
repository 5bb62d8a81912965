import { describe, expect, it } from "vitest";
import { todayIn } from "@/lib/dates";
import {
  blockEligibility,
  canResendUsername,
  describeAccount,
  firstSchedulableDate,
  hasLeft,
  parseScheduleDate,
  unblockEligibility,
  type AccessSubject,
} from "@/lib/accounts/blocking/rules";

const login = { status: "active" as const, lockedAt: null, loginCount: 0, blockedAt: null, blockScheduledFor: null };

type SubjectOverrides = Omit<Partial<AccessSubject>, "login"> & { login?: Partial<NonNullable<AccessSubject["login"]>> | null };

function subject(overrides: SubjectOverrides = {}): AccessSubject {
  const { login: loginOverrides, ...rest } = overrides;
  return {
    personId: "p1",
    role: "member",
    endDate: null,
    login: loginOverrides === null ? null : { ...login, ...loginOverrides },
    ...rest,
  };
}

const coordinator = { personId: "c1", role: "coordinator" as const };
const admin = { personId: "a1", role: "admin" as const };

describe("who a block affects", () => {
  it.each([
    { label: "an active member", who: subject(), actor: coordinator, expected: "block" },
    { label: "oneself", who: subject({ personId: "c1", role: "coordinator" }), actor: coordinator, expected: "self" },
    { label: "someone without a login", who: subject({ login: null }), actor: coordinator, expected: "no-login" },
    { label: "someone already blocked", who: subject({ login: { status: "blocked" } }), actor: coordinator, expected: "already-blocked" },
    { label: "a login not activated yet", who: subject({ login: { status: "pending" } }), actor: coordinator, expected: "not-activated" },
    { label: "an admin, by a coordinator", who: subject({ role: "admin" }), actor: coordinator, expected: "admin-only" },
    { label: "an admin, by an admin", who: subject({ role: "admin" }), actor: admin, expected: "block" },
    { label: "another coordinator, by a coordinator", who: subject({ role: "coordinator" }), actor: coordinator, expected: "block" },
    { label: "a locked member", who: subject({ login: { lockedAt: new Date() } }), actor: coordinator, expected: "block" },
  ])("$label → $expected", ({ who, actor, expected }) => {
    expect(blockEligibility(who, actor)).toBe(expected);
  });
});

describe("who an unblock affects", () => {
  it.each([
    { label: "a blocked member", who: subject({ login: { status: "blocked" } }), expected: "unblock" },
    { label: "an active member", who: subject(), expected: "not-blocked" },
    { label: "a pending login", who: subject({ login: { status: "pending" } }), expected: "not-blocked" },
    { label: "someone without a login", who: subject({ login: null }), expected: "no-login" },
  ])("$label → $expected", ({ who, expected }) => {
    expect(unblockEligibility(who)).toBe(expected);
  });
});

describe("resending a username", () => {
  it.each([
    { label: "signed in before, with an address", who: subject({ login: { loginCount: 2 } }), hasEmail: true, expected: true },
    { label: "never signed in", who: subject(), hasEmail: true, expected: false },
    { label: "no address", who: subject({ login: { loginCount: 2 } }), hasEmail: false, expected: false },
    { label: "blocked", who: subject({ login: { loginCount: 2, status: "blocked" } }), hasEmail: true, expected: false },
    { label: "no login", who: subject({ login: null }), hasEmail: true, expected: false },
  ])("$label → $expected", ({ who, hasEmail, expected }) => {
    expect(canResendUsername(who, hasEmail)).toBe(expected);
  });
});

describe("having left", () => {
  it.each([
    { label: "no end date", endDate: null, expected: false },
    { label: "end date yesterday", endDate: "2027-05-09", expected: true },
    { label: "end date today (still works today)", endDate: "2027-05-10", expected: false },
    { label: "end date tomorrow", endDate: "2027-05-11", expected: false },
  ])("$label → $expected", ({ endDate, expected }) => {
    expect(hasLeft(endDate, "2027-05-10")).toBe(expected);
  });
});

describe("the badges of a row", () => {
  const scheduled = new Date("2027-06-01T00:00:00Z");
  it.each([
    { label: "no login", who: subject({ login: null }), kinds: ["no-login"] },
    { label: "active, never signed in", who: subject(), kinds: ["active", "never-signed-in"] },
    { label: "active, signed in", who: subject({ login: { loginCount: 3 } }), kinds: ["active"] },
    { label: "blocked", who: subject({ login: { status: "blocked", loginCount: 3 } }), kinds: ["blocked"] },
    { label: "locked", who: subject({ login: { lockedAt: new Date(), loginCount: 1 } }), kinds: ["active", "locked"] },
    { label: "left, can still sign in", who: subject({ endDate: "2027-04-01", login: { loginCount: 1 } }), kinds: ["active", "left-can-sign-in"] },
    { label: "left and blocked", who: subject({ endDate: "2027-04-01", login: { status: "blocked", loginCount: 1 } }), kinds: ["blocked"] },
    { label: "block scheduled", who: subject({ login: { blockScheduledFor: scheduled, loginCount: 1 } }), kinds: ["active", "block-scheduled"] },
    { label: "not activated", who: subject({ login: { status: "pending" } }), kinds: ["not-activated", "never-signed-in"] },
  ])("$label", ({ who, kinds }) => {
    expect(describeAccount(who, "2027-05-10").map((badge) => badge.kind)).toEqual(kinds);
  });
});

describe("the date of a scheduled block", () => {
  const now = new Date("2027-03-20T23:30:00Z"); // Sunday 21 March 00:30 in Amsterdam
  it.each([
    { label: "tomorrow in Amsterdam", value: "2027-03-22", expected: { ok: true, date: "2027-03-22", at: new Date("2027-03-21T23:00:00Z") } },
    { label: "the first summer-time day", value: "2027-03-29", expected: { ok: true, date: "2027-03-29", at: new Date("2027-03-28T22:00:00Z") } },
    { label: "with spaces around it", value: " 2027-04-01 ", expected: { ok: true, date: "2027-04-01", at: new Date("2027-03-31T22:00:00Z") } },
    { label: "today in Amsterdam (already 21 March there)", value: "2027-03-21", expected: { ok: false, reason: "not-in-future" } },
    { label: "yesterday", value: "2027-03-20", expected: { ok: false, reason: "not-in-future" } },
    { label: "30 February", value: "2027-02-30", expected: { ok: false, reason: "malformed" } },
    { label: "a Dutch notation", value: "22-03-2027", expected: { ok: false, reason: "malformed" } },
    { label: "a far-off year", value: "3027-01-01", expected: { ok: false, reason: "malformed" } },
    { label: "empty", value: "", expected: { ok: false, reason: "malformed" } },
  ])("$label", ({ value, expected }) => {
    expect(parseScheduleDate(value, "Europe/Amsterdam", now)).toEqual(expected);
  });

  it("the first day one may pick is tomorrow in the organisation's zone", () => {
    expect(todayIn("Europe/Amsterdam", now)).toBe("2027-03-21");
    expect(todayIn("UTC", now)).toBe("2027-03-20");
    expect(firstSchedulableDate(now, "Europe/Amsterdam")).toBe("2027-03-22");
  });
});
