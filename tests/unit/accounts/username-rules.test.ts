import { describe, expect, it } from "vitest";
import {
  activationEligibility,
  allocateUsernames,
  checkChosenUsernames,
  creationEligibility,
  deriveUsername,
  type LoginSubject,
} from "@/lib/accounts/logins/rules";

describe("a username derived from a name", () => {
  const cases: { label: string; firstName: string; infix: string | null; lastName: string; expected: string }[] = [
    { label: "parts joined by dots, in lower case", firstName: "Jan", infix: "de", lastName: "Vries", expected: "jan.de.vries" },
    { label: "accents removed and an apostrophe dropped", firstName: "Zoë", infix: "van 't", lastName: "Hof", expected: "zoe.van.t.hof" },
    { label: "no infix", firstName: "Fatma", infix: null, lastName: "Yılmaz", expected: "fatma.yilmaz" },
    { label: "a hyphen inside a name stays", firstName: "Anne-Marie", infix: null, lastName: "Jansen-Bakker", expected: "anne-marie.jansen-bakker" },
    { label: "several spaces and capitals", firstName: "  Sanne  Lotte ", infix: "VAN DER", lastName: "Berg", expected: "sanne.lotte.van.der.berg" },
    { label: "letters that do not decompose are spelled out", firstName: "Søren", infix: null, lastName: "Straße", expected: "soren.strasse" },
    { label: "an apostrophe inside a name joins", firstName: "Lucía", infix: null, lastName: "D'Ancona", expected: "lucia.dancona" },
    { label: "other punctuation separates", firstName: "J.P.", infix: null, lastName: "Smit (jr)", expected: "j.p.smit.jr" },
    { label: "no usable letter at all", firstName: "李", infix: null, lastName: "王", expected: "lid" },
    { label: "too short is padded with a digit", firstName: "", infix: null, lastName: "Li", expected: "li1" },
    { label: "a very long name is cut to leave room for a number", firstName: "Maximiliaan", infix: "van", lastName: "Oldenbarnevelt-Wittelsbach-Oranje", expected: "maximiliaan.van.oldenbarnevelt-wittelsbach-or" },
  ];
  it.each(cases)("$label: $firstName $infix $lastName → $expected", ({ firstName, infix, lastName, expected }) => {
    const username = deriveUsername({ firstName, infix, lastName });
    expect(username).toBe(expected);
    expect(username).toMatch(/^[a-z0-9.-]{3,45}$/);
  });
});

describe("usernames made unique in a batch", () => {
  const cases: { label: string; bases: string[]; taken: string[]; expected: string[] }[] = [
    { label: "free names are kept", bases: ["jan.de.vries", "piet.jansen"], taken: [], expected: ["jan.de.vries", "piet.jansen"] },
    { label: "two equal names in one run", bases: ["jan.de.vries", "jan.de.vries"], taken: [], expected: ["jan.de.vries", "jan.de.vries2"] },
    { label: "a taken name is skipped", bases: ["jan.de.vries"], taken: ["jan.de.vries"], expected: ["jan.de.vries2"] },
    { label: "taken numbers are skipped too", bases: ["jan.de.vries", "jan.de.vries"], taken: ["jan.de.vries", "jan.de.vries2"], expected: ["jan.de.vries3", "jan.de.vries4"] },
    { label: "a gap is filled first", bases: ["ali.khan"], taken: ["ali.khan", "ali.khan3"], expected: ["ali.khan2"] },
  ];
  it.each(cases)("$label", ({ bases, taken, expected }) => {
    expect(allocateUsernames(bases, new Set(taken))).toEqual(expected);
  });
});

describe("usernames a coordinator confirms", () => {
  const cases: { label: string; chosen: string[]; taken: string[]; problems: [number, string][] }[] = [
    { label: "valid names pass", chosen: ["jan.de.vries", "Zoë.Hof"], taken: [], problems: [] },
    { label: "a name used twice is refused on both rows, whatever the letter case", chosen: ["Jan", "jan"], taken: [], problems: [[0, "duplicate"], [1, "duplicate"]] },
    { label: "a taken name is refused", chosen: ["piet"], taken: ["piet"], problems: [[0, "taken"]] },
    { label: "the own-username shape rules apply", chosen: ["", "ab", "a b c", "x".repeat(51)], taken: [], problems: [[0, "required"], [1, "tooShort"], [2, "characters"], [3, "tooLong"]] },
  ];
  it.each(cases)("$label", ({ chosen, taken, problems }) => {
    expect([...checkChosenUsernames(chosen, new Set(taken)).problems].sort(([a], [b]) => a - b)).toEqual(problems);
  });

  it("surrounding spaces are trimmed from a confirmed name", () => {
    expect(checkChosenUsernames(["  jan.de.vries "], new Set()).usernames).toEqual(["jan.de.vries"]);
  });
});

describe("who gets a login and who is activated", () => {
  const base: LoginSubject = { personId: "p", role: "member", email: "a@example.org", endDate: null, loginStatus: null };
  const today = "2026-03-10";
  const creation: { label: string; subject: Partial<LoginSubject>; role?: "coordinator" | "admin"; expected: string }[] = [
    { label: "a member with an email and no login gets one", subject: {}, expected: "create" },
    { label: "someone with a login is skipped", subject: { loginStatus: "pending" }, expected: "has-login" },
    { label: "someone who has left is skipped", subject: { endDate: "2026-03-09" }, expected: "left" },
    { label: "someone whose last day is today still gets one", subject: { endDate: today }, expected: "create" },
    { label: "someone without an email is skipped", subject: { email: "  " }, expected: "no-email" },
    { label: "a coordinator does not create an admin's login", subject: { role: "admin" }, expected: "admin-only" },
    { label: "an admin creates an admin's login", subject: { role: "admin" }, role: "admin", expected: "create" },
  ];
  it.each(creation)("creating: $label", ({ subject, role, expected }) => {
    expect(creationEligibility({ ...base, ...subject }, role ?? "coordinator", today)).toBe(expected);
  });

  const activation: { label: string; subject: Partial<LoginSubject>; expected: string }[] = [
    { label: "a pending login is activated", subject: { loginStatus: "pending" }, expected: "activate" },
    { label: "no login", subject: {}, expected: "no-login" },
    { label: "an active login", subject: { loginStatus: "active" }, expected: "already-active" },
    { label: "a blocked login stays blocked", subject: { loginStatus: "blocked" }, expected: "blocked" },
    { label: "an admin's pending login, for a coordinator", subject: { loginStatus: "pending", role: "admin" }, expected: "admin-only" },
  ];
  it.each(activation)("activating: $label", ({ subject, expected }) => {
    expect(activationEligibility({ ...base, ...subject }, "coordinator")).toBe(expected);
  });
});
