// People rules on plain data: settings, postcodes and phone numbers, search words.
import { describe, expect, it } from "vitest";
import {
  formatPhoneNumber,
  normaliseDutchPostcode,
  normalisePhoneNumber,
  resolveProfileFieldSettings,
  sortLetterOf,
  splitSearchQuery,
  tidySearchQuery,
  typoAllowance,
  visibleContactFields,
} from "@/lib/people/rules";

describe("names", () => {
  it.each([
    { label: "de Vries is filed under V", lastName: "Vries", letter: "V" },
    { label: "an accented capital under its plain letter", lastName: "Özdemir", letter: "O" },
    { label: "an apostrophe-less lower-case name", lastName: "el Idrissi", letter: "E" },
    { label: "not a letter", lastName: "1e", letter: "#" },
  ])("sort letter: $label", ({ lastName, letter }) => {
    expect(sortLetterOf(lastName)).toBe(letter);
  });
});

describe("profile-field settings", () => {
  it.each([
    {
      label: "an organisation that never chose gets the defaults",
      settings: undefined,
      editable: ["email", "phone", "address", "postcode", "city", "photo"],
      visible: ["firstName", "infix", "lastName", "email", "phone", "photo"],
    },
    {
      label: "the name is visible even when the admin unticked it",
      settings: { editableProfileFields: [], visibleProfileFields: ["email" as const] },
      editable: [],
      visible: ["firstName", "infix", "lastName", "email"],
    },
    {
      label: "unknown entries are ignored",
      settings: JSON.parse('{"editableProfileFields":["password","city"],"visibleProfileFields":["iban"]}'),
      editable: ["city"],
      visible: ["firstName", "infix", "lastName"],
    },
  ])("$label", ({ settings, editable, visible }) => {
    const resolved = resolveProfileFieldSettings(settings);
    expect([...resolved.editable].sort()).toEqual([...editable].sort());
    expect([...resolved.visible].sort()).toEqual([...visible].sort());
  });

  it("lists the visible contact fields in display order", () => {
    const settings = resolveProfileFieldSettings({ editableProfileFields: [], visibleProfileFields: ["photo", "city", "email"] });
    expect(visibleContactFields(settings)).toEqual(["email", "city", "photo"]);
  });
});

describe("postcodes and phone numbers", () => {
  it.each([
    { input: "1234ab", output: "1234 AB" },
    { input: "1234 AB", output: "1234 AB" },
    { input: "9999zz", output: "9999 ZZ" },
    { input: "1000 aa", output: "1000 AA" },
    { input: "0999 AA", output: null },
    { input: "1234 SS", output: null },
    { input: "12345", output: null },
  ])("postcode $input → $output", ({ input, output }) => {
    expect(normaliseDutchPostcode(input)).toBe(output);
  });

  it.each([
    { input: "06 24681357", output: "+31624681357" },
    { input: "+31 (0)6 24681357", output: "+31624681357" },
    { input: "088-1234567", output: "+31881234567" },
    { input: "06 2468135", output: null },
    { input: "bel me", output: null },
  ])("phone $input → $output", ({ input, output }) => {
    expect(normalisePhoneNumber(input)).toBe(output);
  });

  it.each([
    { label: "a Dutch mobile in E.164 is shown nationally", stored: "+31612345678", display: "06 12345678", href: "tel:+31612345678" },
    { label: "an older national entry", stored: "06 24681357", display: "06 24681357", href: "tel:+31624681357" },
    { label: "a Belgian number internationally", stored: "+32470123456", display: "+32 470 12 34 56", href: "tel:+32470123456" },
    { label: "something unparsable is shown as stored", stored: "toestel 12", display: "toestel 12", href: "tel:12" },
  ])("display: $label", ({ stored, display, href }) => {
    expect(formatPhoneNumber(stored)).toEqual({ display, href });
  });
});

describe("search queries", () => {
  it.each([
    { label: "one word", query: "Vries", words: ["vries"] },
    { label: "an infix and a name", query: "de Vries", words: ["de", "vries"] },
    { label: "a partial last word", query: "Jan de V", words: ["jan", "de", "v"] },
    { label: "accents are dropped", query: "Zoë", words: ["zoe"] },
    { label: "an apostrophe splits", query: "van 't Hof", words: ["van", "t", "hof"] },
    { label: "LIKE wildcards are not words", query: "%_\\", words: [] },
    { label: "a comma", query: "Vries, Sanne", words: ["vries", "sanne"] },
    { label: "at most five words", query: "a b c d e f g", words: ["a", "b", "c", "d", "e"] },
    { label: "nothing", query: "   ", words: [] },
  ])("$label", ({ query, words }) => {
    expect(splitSearchQuery(query)).toEqual(words);
  });

  it.each([
    { label: "three letters", word: "jan", letters: 1 },
    { label: "four letters", word: "vres", letters: 1 },
    { label: "five letters", word: "vreis", letters: 2 },
    { label: "a long name", word: "idrissie", letters: 2 },
  ])("a typo allowance of $letters for $label (“$word”)", ({ word, letters }) => {
    expect(typoAllowance(word)).toBe(letters);
  });

  it.each([
    { label: "trimmed and collapsed", raw: "  jan   de  vries ", tidy: "jan de vries" },
    { label: "the first of repeated parameters", raw: ["vries", "jansen"], tidy: "vries" },
    { label: "absent", raw: undefined, tidy: "" },
    { label: "cut at 100 characters", raw: "x".repeat(500), tidy: "x".repeat(100) },
  ])("tidy: $label", ({ raw, tidy }) => {
    expect(tidySearchQuery(raw)).toBe(tidy);
  });
});
