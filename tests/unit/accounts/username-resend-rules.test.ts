import { describe, expect, it } from "vitest";
import { canResendUsername, usernameResendEligibility, type AccessSubject } from "@/lib/accounts/blocking/rules";

function subject(login: Partial<NonNullable<AccessSubject["login"]>> | null): AccessSubject {
  return {
    personId: "p",
    role: "member",
    endDate: null,
    login: login === null ? null : { status: "active", lockedAt: null, loginCount: 2, blockedAt: null, blockScheduledFor: null, ...login },
  };
}

describe("who a username is resent to", () => {
  const cases: { label: string; subject: AccessSubject; hasEmail: boolean; expected: ReturnType<typeof usernameResendEligibility> }[] = [
    { label: "an active login that signed in before, with an address", subject: subject({}), hasEmail: true, expected: "resend" },
    { label: "someone without a login", subject: subject(null), hasEmail: true, expected: "no-login" },
    { label: "a blocked login", subject: subject({ status: "blocked" }), hasEmail: true, expected: "not-active" },
    { label: "a login not activated yet", subject: subject({ status: "pending" }), hasEmail: true, expected: "not-active" },
    { label: "a login that never signed in", subject: subject({ loginCount: 0 }), hasEmail: true, expected: "never-signed-in" },
    { label: "someone without an email address", subject: subject({}), hasEmail: false, expected: "no-email" },
  ];
  it.each(cases)("$label: $expected", ({ subject: s, hasEmail, expected }) => {
    expect(usernameResendEligibility(s, hasEmail)).toBe(expected);
    expect(canResendUsername(s, hasEmail)).toBe(expected === "resend");
  });
});
