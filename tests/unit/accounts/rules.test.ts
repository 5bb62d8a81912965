import { describe, expect, it } from "vitest";
import {
  checkNewPassword,
  checkTemporaryPassword,
  checkUsername,
  normaliseUsername,
  passwordResetExpiresAt,
  signInLinkExpiresAt,
  temporaryPasswordExpiresAt,
  toSafeDestination,
} from "@/lib/accounts/rules";

describe("toSafeDestination: only a path on this site may follow a sign-in", () => {
  it.each([
    { label: "a plain member path", value: "/my", expected: "/my" },
    { label: "a path with query and hash", value: "/my/shifts?week=2026-W12#open", expected: "/my/shifts?week=2026-W12#open" },
    { label: "a handover to accept", value: "/my/handovers/4f1c", expected: "/my/handovers/4f1c" },
    { label: "dot segments are resolved, staying on site", value: "/my/../dashboard", expected: "/dashboard" },
    { label: "an encoded character inside the path", value: "/my/people?q=de%20Vries", expected: "/my/people?q=de%20Vries" },
  ])("accepts $label", ({ value, expected }) => {
    expect(toSafeDestination(value)).toBe(expected);
  });

  it.each([
    { label: "a protocol-relative address", value: "//evil.com" },
    { label: "a protocol-relative address with a path", value: "//evil.com/my" },
    { label: "an absolute https address", value: "https://evil.com" },
    { label: "an absolute address on our own host", value: "http://localhost:3000/my" },
    { label: "a backslash trick", value: "/\\evil.com" },
    { label: "a backslash later in the path", value: "/my\\..\\evil" },
    { label: "a javascript: URL", value: "javascript:alert(1)" },
    { label: "a data: URL", value: "data:text/html,hoi" },
    { label: "a relative path", value: "my/shifts" },
    { label: "a tab hiding a second slash", value: "/\t/evil.com" },
    { label: "a newline", value: "/my\nSet-Cookie: x=1" },
    { label: "a NUL character", value: "/my\u0000" },
    { label: "a DEL character", value: "/my\u007f" },
    { label: "a C1 control character", value: "/my\u0085" },
    { label: "a space", value: "/my page" },
    { label: "an encoded slash making //", value: "/%2fevil.com" },
    { label: "an encoded backslash", value: "/%5Cevil.com" },
    { label: "an empty string", value: "" },
    { label: "a 10 kB path", value: `/${"a".repeat(10_240)}` },
    { label: "not a string", value: ["/my"] },
    { label: "null", value: null },
    { label: "undefined", value: undefined },
  ])("refuses $label", ({ value }) => {
    expect(toSafeDestination(value)).toBeNull();
  });
});

describe("password rules", () => {
  const context = { username: "marieke.jansen", names: ["Marieke", null, "Jansen"], email: "familie.jansen@example.org" };

  it.each([
    { label: "four unrelated words", password: "fiets paraplu zondag tomaat" },
    { label: "a long random mix", password: "k7#Vq9!mZ2@wLp" },
    { label: "a Dutch sentence with a number", password: "Onze kat heet 7 keer Bobbie" },
    { label: "exactly 200 characters of words", password: `${"zonnebloem-fietsbel-".repeat(10)}`.slice(0, 199) + "x" },
  ])("accepts $label", ({ password }) => {
    expect(checkNewPassword(password, context)).toBeNull();
  });

  it.each([
    { label: "an empty password", password: "", problem: "required" },
    { label: "9 characters", password: "Xq7#mZ2!p", problem: "tooShort" },
    { label: "201 characters", password: "a".repeat(201), problem: "tooLong" },
    { label: "10 kB", password: "a".repeat(10_240), problem: "tooLong" },
    { label: "a leading space", password: " fiets paraplu zondag tomaat", problem: "surroundingSpace" },
    { label: "a trailing space", password: "fiets paraplu zondag tomaat ", problem: "surroundingSpace" },
    { label: "a trailing tab", password: "fiets paraplu zondag tomaat\t", problem: "surroundingSpace" },
    { label: "a common password", password: "wachtwoord123", problem: "weak" },
    { label: "a common English password", password: "password1234", problem: "weak" },
    { label: "a keyboard walk", password: "qwertyuiop12", problem: "weak" },
    { label: "a Dutch word with a year", password: "Welkom2024!", problem: "weak" },
    { label: "a Dutch first name with a year", password: "Annelies1975", problem: "weak" },
    { label: "the app's own name", password: "ploegploeg1", problem: "weak" },
    { label: "the username with digits", password: "marieke.jansen1", problem: "containsName" },
    { label: "the family name twice", password: "JansenJansen12", problem: "containsName" },
  ])("refuses $label ($problem)", ({ password, problem }) => {
    expect(checkNewPassword(password, context)).toBe(problem);
  });
});

describe("username rules", () => {
  it.each([
    { label: "a dotted name", value: "marieke.jansen" },
    { label: "an email-style name", value: "marieke@jansen.nl" },
    { label: "letters with accents", value: "zoë_van-den-berg" },
    { label: "three characters", value: "abc" },
    { label: "fifty characters", value: "a".repeat(50) },
  ])("accepts $label", ({ value }) => {
    expect(checkUsername(normaliseUsername(value))).toBeNull();
  });

  it.each([
    { label: "empty", value: "", problem: "required" },
    { label: "only spaces", value: "   ", problem: "required" },
    { label: "two characters", value: "ab", problem: "tooShort" },
    { label: "51 characters", value: "a".repeat(51), problem: "tooLong" },
    { label: "a space inside", value: "marieke jansen", problem: "characters" },
    { label: "a slash", value: "marieke/jansen", problem: "characters" },
    { label: "an emoji", value: "marieke🙂", problem: "characters" },
  ])("refuses $label", ({ value, problem }) => {
    expect(checkUsername(normaliseUsername(value))).toBe(problem);
  });

  it("trims pasted spaces around a username", () => {
    expect(normaliseUsername("  marieke.jansen \t")).toBe("marieke.jansen");
  });
});

describe("lifetimes", () => {
  const now = new Date("2026-03-01T10:00:00Z");

  it("a sign-in link lasts 7 days, a reset link 1 hour, a temporary password 14 days", () => {
    expect(signInLinkExpiresAt(now).toISOString()).toBe("2026-03-08T10:00:00.000Z");
    expect(passwordResetExpiresAt(now).toISOString()).toBe("2026-03-01T11:00:00.000Z");
    expect(temporaryPasswordExpiresAt(now).toISOString()).toBe("2026-03-15T10:00:00.000Z");
  });

  it.each([
    { label: "an own password", state: { temporaryPasswordExpiresAt: null, temporaryPasswordUsedAt: null }, expected: "not-temporary" },
    { label: "an unused temporary password", state: { temporaryPasswordExpiresAt: new Date("2026-03-02T00:00:00Z"), temporaryPasswordUsedAt: null }, expected: "usable" },
    { label: "a used temporary password", state: { temporaryPasswordExpiresAt: new Date("2026-03-02T00:00:00Z"), temporaryPasswordUsedAt: new Date("2026-02-28T00:00:00Z") }, expected: "used" },
    { label: "an expired temporary password", state: { temporaryPasswordExpiresAt: now, temporaryPasswordUsedAt: null }, expected: "expired" },
  ])("temporary password state: $label is $expected", ({ state, expected }) => {
    expect(checkTemporaryPassword(state, now)).toBe(expected);
  });
});
