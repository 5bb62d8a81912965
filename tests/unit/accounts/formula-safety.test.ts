// The one rule that keeps exported cells from running as spreadsheet formulas, and who gets a temporary password.
import { describe, expect, it } from "vitest";
import { temporaryPasswordEligibility, type TemporaryPasswordSubject } from "@/lib/accounts/temporary-passwords/rules";
import { toCsvField, toSafeCell } from "@/lib/spreadsheets";

describe("a spreadsheet cell can never be read as a formula", () => {
  it.each([
    { label: "an equals sign", value: '=HYPERLINK("http://x","klik")' },
    { label: "a plus sign", value: "+31 6 12345678" },
    { label: "a minus sign", value: "-2+3" },
    { label: "an at sign", value: "@SUM(A1)" },
    { label: "a tab", value: "\t=1+1" },
    { label: "a carriage return", value: "\r=1+1" },
  ])("a value starting with $label is a text cell with the exact characters in xlsx and quoted in CSV", ({ value }) => {
    expect(toSafeCell(value, "xlsx")).toEqual({ value, text: true });
    expect(toSafeCell(value, "csv")).toEqual({ value: `'${value}`, text: true });
  });

  it.each([
    { label: "a name", value: "Anna van der Berg" },
    { label: "a password", value: "hT4k-9mWq-zR2e" },
    { label: "an equals sign inside", value: "a=b" },
    { label: "nothing", value: "" },
  ])("$label is written as it is", ({ value }) => {
    expect(toSafeCell(value, "xlsx")).toEqual({ value, text: false });
    expect(toSafeCell(value, "csv")).toEqual({ value, text: false });
  });

  it.each([
    { label: "a formula with quotes and a comma", value: '=HYPERLINK("http://x","klik")', field: `"'=HYPERLINK(""http://x"",""klik"")"` },
    { label: "a phone number", value: "+31 6 12345678", field: "'+31 6 12345678" },
    { label: "a separator", value: "Jansen; Piet", field: '"Jansen; Piet"' },
    { label: "a plain name", value: "Sanne", field: "Sanne" },
  ])("a CSV field with $label is made safe first, then quoted when needed", ({ value, field }) => {
    expect(toCsvField(value)).toBe(field);
  });
});

describe("who gets a temporary password", () => {
  const active = (overrides: Partial<TemporaryPasswordSubject> = {}): TemporaryPasswordSubject => ({
    personId: "p1",
    role: "member",
    email: "a@example.org",
    login: { status: "active", loginCount: 0 },
    ...overrides,
  });
  const coordinator = { personId: "me", role: "coordinator" as const };

  it.each([
    { label: "an active member", subject: active(), delivery: "email" as const, only: false, expected: "issue" },
    { label: "someone without a login", subject: active({ login: null }), delivery: "email" as const, only: false, expected: "no-login" },
    { label: "a login not activated yet", subject: active({ login: { status: "pending", loginCount: 0 } }), delivery: "email" as const, only: false, expected: "not-activated" },
    { label: "a blocked login", subject: active({ login: { status: "blocked", loginCount: 0 } }), delivery: "export" as const, only: false, expected: "blocked" },
    { label: "the coordinator themselves", subject: active({ personId: "me" }), delivery: "export" as const, only: false, expected: "self" },
    { label: "an admin, for a coordinator", subject: active({ role: "admin" }), delivery: "export" as const, only: false, expected: "admin-only" },
    { label: "someone who signed in, when only never-signed-in", subject: active({ login: { status: "active", loginCount: 2 } }), delivery: "export" as const, only: true, expected: "signed-in-before" },
    { label: "someone who signed in, for everyone", subject: active({ login: { status: "active", loginCount: 2 } }), delivery: "export" as const, only: false, expected: "issue" },
    { label: "someone without an address, by email", subject: active({ email: null }), delivery: "email" as const, only: false, expected: "no-email" },
    { label: "someone without an address, in an export", subject: active({ email: null }), delivery: "export" as const, only: false, expected: "issue" },
  ])("$label: $expected", ({ subject, delivery, only, expected }) => {
    expect(temporaryPasswordEligibility(subject, { delivery, onlyNeverSignedIn: only, actor: coordinator })).toBe(expected);
  });
});
