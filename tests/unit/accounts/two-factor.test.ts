import { generate, generateSecret } from "otplib";
import { describe, expect, it } from "vitest";
import { formatSecretForTyping, isAuthenticatorCodeValid } from "@/lib/accounts/two-factor/authenticator";
import {
  chooseSecondFactor,
  getChallengeStatus,
  getResendWaitSeconds,
  type FirstFactor,
  type SecondFactorMethod,
  type SecondFactorSubject,
} from "@/lib/accounts/two-factor/two-factor";
import { disableAuthenticatorSchema, sixDigitCodeSchema } from "@/lib/accounts/two-factor/schemas";

function subject(overrides: {
  role?: SecondFactorSubject["role"];
  totpEnabled?: boolean;
  email?: string | null;
  members?: "off" | "email";
  coordinators?: "off" | "email";
}): SecondFactorSubject {
  return {
    userId: "u",
    tenantId: "t",
    role: overrides.role ?? "member",
    totpEnabled: overrides.totpEnabled ?? false,
    firstName: "Sanne",
    email: overrides.email === undefined ? "sanne@example.org" : overrides.email,
    personId: "p",
    settings: { twoFactorForMembers: overrides.members ?? "off", twoFactorForCoordinators: overrides.coordinators ?? "off" },
  };
}

describe("which second factor a sign-in owes", () => {
  const rows: Array<{ label: string; subject: SecondFactorSubject; via: FirstFactor; expected: SecondFactorMethod | "none" | "unavailable" }> = [
    { label: "member, everything off, password", subject: subject({}), via: "password", expected: "none" },
    { label: "member, members' email code on, password", subject: subject({ members: "email" }), via: "password", expected: "email" },
    { label: "member, members' email code on, link (the link proves the mailbox)", subject: subject({ members: "email" }), via: "link", expected: "none" },
    { label: "member, only coordinators' setting on", subject: subject({ coordinators: "email" }), via: "password", expected: "none" },
    { label: "coordinator, coordinators' setting on", subject: subject({ role: "coordinator", coordinators: "email" }), via: "password", expected: "email" },
    { label: "admin, coordinators' setting on", subject: subject({ role: "admin", coordinators: "email" }), via: "password", expected: "email" },
    { label: "coordinator, only members' setting on", subject: subject({ role: "coordinator", members: "email" }), via: "password", expected: "none" },
    // A member without an address could never receive a code and keeps signing in with the password.
    { label: "member without email address, setting on", subject: subject({ members: "email", email: null }), via: "password", expected: "none" },
    // Coordinators and admins fail closed: where the organisation requires a code, a password alone never passes.
    { label: "coordinator without email address, setting on", subject: subject({ role: "coordinator", coordinators: "email", email: null }), via: "password", expected: "unavailable" },
    { label: "admin without email address, setting on", subject: subject({ role: "admin", coordinators: "email", email: null }), via: "password", expected: "unavailable" },
    { label: "admin without email address but with the app, setting on", subject: subject({ role: "admin", coordinators: "email", email: null, totpEnabled: true }), via: "password", expected: "totp" },
    { label: "coordinator without email address, setting off", subject: subject({ role: "coordinator", email: null }), via: "password", expected: "none" },
    { label: "member with the app, settings off, password", subject: subject({ totpEnabled: true }), via: "password", expected: "totp" },
    { label: "member with the app, link", subject: subject({ totpEnabled: true }), via: "link", expected: "totp" },
    { label: "member with the app beats the email code", subject: subject({ totpEnabled: true, members: "email" }), via: "password", expected: "totp" },
    { label: "admin with the app, link", subject: subject({ role: "admin", totpEnabled: true }), via: "link", expected: "totp" },
  ];
  it.each(rows)("$label → $expected", ({ subject: who, via, expected }) => {
    expect(chooseSecondFactor(who, via)).toBe(expected);
  });
});

describe("where a challenge stands", () => {
  const now = new Date("2026-11-20T10:00:00Z");
  const later = new Date("2026-11-20T10:05:00Z");
  const earlier = new Date("2026-11-20T09:55:00Z");
  it.each([
    { label: "unknown", row: null, expected: "invalid" },
    { label: "fresh", row: { usedAt: null, revokedAt: null, useCount: 0, expiresAt: later }, expected: "active" },
    { label: "four tries used", row: { usedAt: null, revokedAt: null, useCount: 4, expiresAt: later }, expected: "active" },
    { label: "five tries used", row: { usedAt: null, revokedAt: null, useCount: 5, expiresAt: later }, expected: "exhausted" },
    { label: "past its time", row: { usedAt: null, revokedAt: null, useCount: 0, expiresAt: earlier }, expected: "expired" },
    { label: "expiring this very moment", row: { usedAt: null, revokedAt: null, useCount: 0, expiresAt: now }, expected: "expired" },
    { label: "already used to sign in", row: { usedAt: earlier, revokedAt: null, useCount: 1, expiresAt: later }, expected: "invalid" },
    { label: "revoked (account blocked)", row: { usedAt: null, revokedAt: earlier, useCount: 0, expiresAt: later }, expected: "invalid" },
  ] as const)("$label → $expected", ({ row, expected }) => {
    expect(getChallengeStatus(row, now)).toBe(expected);
  });
});

describe("the 30-second wait between code emails", () => {
  const sent = new Date("2026-11-20T10:00:00Z");
  it.each([
    { label: "no code sent yet", last: null, at: sent, expected: 0 },
    { label: "right after", last: sent, at: new Date("2026-11-20T10:00:00.500Z"), expected: 30 },
    { label: "after 10 s", last: sent, at: new Date("2026-11-20T10:00:10Z"), expected: 20 },
    { label: "after 29.5 s", last: sent, at: new Date("2026-11-20T10:00:29.500Z"), expected: 1 },
    { label: "after 30 s", last: sent, at: new Date("2026-11-20T10:00:30Z"), expected: 0 },
  ])("$label → wait $expected s", ({ last, at, expected }) => {
    expect(getResendWaitSeconds(last, at)).toBe(expected);
  });
});

describe("reading a typed code", () => {
  it.each([
    { label: "six digits", input: "123456", expected: "123456" },
    { label: "with a space in the middle", input: "123 456", expected: "123456" },
    { label: "with a dash", input: "123-456", expected: "123456" },
    { label: "pasted with a newline", input: "123456\n", expected: "123456" },
    { label: "empty", input: "", expected: "codeRequired" },
    { label: "letters", input: "abcdef", expected: "codeFormat" },
    { label: "seven digits", input: "1234567", expected: "codeFormat" },
    { label: "Arabic-Indic digits", input: "١٢٣٤٥٦", expected: "codeFormat" },
    { label: "10 kB", input: "9".repeat(10_240), expected: "codeFormat" },
  ])("$label → $expected", ({ input, expected }) => {
    const parsed = sixDigitCodeSchema.safeParse(input);
    expect(parsed.success ? parsed.data : parsed.error.issues[0]?.message).toBe(expected);
  });
});

describe("proof for switching the app off", () => {
  it.each([
    { label: "a code", input: { code: "123 456", password: "" }, expected: { kind: "code", code: "123456" } },
    { label: "a password", input: { code: "", password: " geheim " }, expected: { kind: "password", password: "geheim" } },
    { label: "a code wins over a password", input: { code: "123456", password: "geheim" }, expected: { kind: "code", code: "123456" } },
    { label: "neither", input: { code: "", password: "" }, expected: "proofRequired" },
    { label: "a malformed code", input: { code: "12ab56", password: "" }, expected: "codeFormat" },
    { label: "a 10 kB password", input: { code: "", password: "p".repeat(10_240) }, expected: "passwordTooLong" },
  ])("$label", ({ input, expected }) => {
    const parsed = disableAuthenticatorSchema.safeParse(input);
    expect(parsed.success ? parsed.data : parsed.error.issues[0]?.message).toEqual(expected);
  });
});

describe("checking an app code", () => {
  const secret = generateSecret();
  const now = new Date("2026-11-20T10:00:15Z");
  const epoch = Math.floor(now.getTime() / 1000);
  it.each([
    { label: "the current code", offset: 0, valid: true },
    { label: "the previous step's code", offset: -30, valid: true },
    { label: "the next step's code", offset: 30, valid: true },
    { label: "two steps back", offset: -60, valid: false },
    { label: "two steps ahead", offset: 60, valid: false },
  ])("$label → $valid", async ({ offset, valid }) => {
    const code = await generate({ secret, epoch: epoch + offset });
    expect((await isAuthenticatorCodeValid(secret, code, now)).valid).toBe(valid);
  });

  it("a malformed secret or code never passes and never throws", async () => {
    expect(await isAuthenticatorCodeValid("not base32!", "123456", now)).toEqual({ valid: false });
    expect(await isAuthenticatorCodeValid(secret, "12a456", now)).toEqual({ valid: false });
  });

  it("the secret is shown in groups of four for typing", () => {
    expect(formatSecretForTyping("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")).toBe("ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567");
    expect(formatSecretForTyping("ABCDEF")).toBe("ABCD EF");
  });
});
