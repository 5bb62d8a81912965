// A person's display name, family name and initials, the Dutch way.
import { describe, expect, it } from "vitest";
import { familyNameOf, formatPersonName, initialsOf } from "@/lib/people/names";

describe("a person's name", () => {
  it.each([
    { label: "with an infix", person: { firstName: "Sanne", infix: "de", lastName: "Vries" }, name: "Sanne de Vries", family: "de Vries", initials: "SV" },
    { label: "with a two-word infix", person: { firstName: "Femke", infix: "van der", lastName: "Meer" }, name: "Femke van der Meer", family: "van der Meer", initials: "FM" },
    { label: "with an apostrophe in the infix", person: { firstName: "Chloë", infix: "van 't", lastName: "Hof" }, name: "Chloë van 't Hof", family: "van 't Hof", initials: "CH" },
    { label: "without an infix", person: { firstName: "Pieter", infix: null, lastName: "Jansen" }, name: "Pieter Jansen", family: "Jansen", initials: "PJ" },
    { label: "with an accent", person: { firstName: "Zoë", infix: "van den", lastName: "Berg" }, name: "Zoë van den Berg", family: "van den Berg", initials: "ZB" },
    { label: "an empty infix", person: { firstName: "Noël", infix: "", lastName: "Bakker" }, name: "Noël Bakker", family: "Bakker", initials: "NB" },
    { label: "a blank infix", person: { firstName: "Noël", infix: "  ", lastName: "Bakker" }, name: "Noël Bakker", family: "Bakker", initials: "NB" },
    { label: "parts with stray spaces", person: { firstName: " Sanne ", infix: " de ", lastName: " Vries " }, name: "Sanne de Vries", family: "de Vries", initials: "SV" },
    { label: "no last name (a new admin)", person: { firstName: "Beheerder", infix: null, lastName: "" }, name: "Beheerder", family: "", initials: "B" },
    { label: "no first name", person: { firstName: "", infix: "de", lastName: "Vries" }, name: "de Vries", family: "de Vries", initials: "V" },
    { label: "nothing at all", person: { firstName: "", infix: null, lastName: "" }, name: "", family: "", initials: "" },
    { label: "a lower-case first letter", person: { firstName: "ömer", infix: null, lastName: "öztürk" }, name: "ömer öztürk", family: "öztürk", initials: "ÖÖ" },
  ])("$label", ({ person, name, family, initials }) => {
    expect(formatPersonName(person)).toBe(name);
    expect(familyNameOf(person)).toBe(family);
    expect(initialsOf(person)).toBe(initials);
  });

  it.each([
    { label: "a joined row whose person is missing", person: { firstName: null, infix: null, lastName: null }, name: "" },
    { label: "a joined row with only a first name", person: { firstName: "Sanne", infix: null, lastName: null }, name: "Sanne" },
  ])("display name of $label", ({ person, name }) => {
    expect(formatPersonName(person)).toBe(name);
  });
});
