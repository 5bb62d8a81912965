import { describe, expect, it } from "vitest";
import { parseRosterPageParams } from "@/lib/roster/schemas";

describe("parseRosterPageParams: how many of a day's shifts the link asks for", () => {
  it.each([
    { label: "a number from a 'meer' link", shown: "16", expected: 16 },
    { label: "nothing asked", shown: undefined, expected: undefined },
    { label: "a hand-edited word falls back", shown: "veel", expected: undefined },
    { label: "zero falls back", shown: "0", expected: undefined },
    { label: "an absurd number falls back", shown: "100000", expected: undefined },
  ])("$label", ({ shown, expected }) => {
    const params = parseRosterPageParams({ view: "open", week: "2026-W13", day: "2026-03-25", shown });
    expect(params.shown).toBe(expected);
    expect(params.day).toBe("2026-03-25");
  });
});
