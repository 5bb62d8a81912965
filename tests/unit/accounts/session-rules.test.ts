// When a signed-in session still counts: 30 days from signing in at most, and 14 days after its last use.
import { describe, expect, it } from "vitest";
import { isSessionLive, isSessionTouchDue, sessionExpiresAt } from "@/lib/accounts/sign-in/session-rules";

const signedInAt = new Date("2026-05-01T10:00:00Z");
const minutes = (n: number) => new Date(signedInAt.getTime() + n * 60_000);
const days = (n: number) => minutes(n * 24 * 60);

describe("a session is live before its absolute end and within the idle timeout", () => {
  const session = (lastSeenAt: Date) => ({ expires: sessionExpiresAt(signedInAt), lastSeenAt });
  const cases: Array<{ label: string; lastSeenAt: Date; now: Date; live: boolean }> = [
    { label: "just signed in", lastSeenAt: signedInAt, now: minutes(1), live: true },
    { label: "unused for 13 days", lastSeenAt: signedInAt, now: days(13), live: true },
    { label: "unused for 14 days", lastSeenAt: signedInAt, now: days(14), live: false },
    { label: "used yesterday, 29 days after signing in", lastSeenAt: days(28), now: days(29), live: true },
    { label: "used yesterday, 30 days after signing in", lastSeenAt: days(29), now: days(30), live: false },
  ];
  it.each(cases)("$label", ({ lastSeenAt, now, live }) => {
    expect(isSessionLive(session(lastSeenAt), now)).toBe(live);
  });
});

describe("last use is written at most every five minutes", () => {
  const cases: Array<{ label: string; now: Date; due: boolean }> = [
    { label: "a minute later", now: minutes(1), due: false },
    { label: "four minutes later", now: minutes(4), due: false },
    { label: "five minutes later", now: minutes(5), due: true },
    { label: "a day later", now: days(1), due: true },
  ];
  it.each(cases)("$label", ({ now, due }) => {
    expect(isSessionTouchDue({ expires: sessionExpiresAt(signedInAt), lastSeenAt: signedInAt }, now)).toBe(due);
  });
});
