// Guessing which member field a column holds from its header, in Dutch and English, and checking
// the coordinator's choice.
import { describe, expect, it } from "vitest";
import { checkMapping, guessMapping } from "@/lib/people/import/mapping";

describe("guessing columns from their headers", () => {
  it.each([
    { header: "Voornaam", field: "firstName" },
    { header: "Roepnaam", field: "firstName" },
    { header: "First name", field: "firstName" },
    { header: "Tussenvoegsel", field: "infix" },
    { header: "Tussenvoegsel(s)", field: "infix" },
    { header: "Achternaam", field: "lastName" },
    { header: "Last Name", field: "lastName" },
    { header: "Surname", field: "lastName" },
    { header: "E-mailadres", field: "email" },
    { header: "E-mail", field: "email" },
    { header: "Email address", field: "email" },
    { header: "Telefoon", field: "phone" },
    { header: "Mobiel", field: "phone" },
    { header: "Telefoonnummer", field: "phone" },
    { header: "Phone number", field: "phone" },
    { header: "Geboortedatum", field: "birthDate" },
    { header: "Geb. datum", field: "birthDate" },
    { header: "Date of birth", field: "birthDate" },
    { header: "Adres", field: "address" },
    { header: "Straat en huisnummer", field: "address" },
    { header: "Postcode", field: "postcode" },
    { header: "Woonplaats", field: "city" },
    { header: "Plaats", field: "city" },
    { header: "City", field: "city" },
    { header: "Startdatum", field: "startDate" },
    { header: "Lid sinds", field: "startDate" },
    { header: "Einddatum", field: "endDate" },
    { header: "Gebruikersnaam", field: "username" },
    { header: "Username", field: "username" },
    { header: "Groep", field: "groups" },
    { header: "Medewerkersgroepen", field: "groups" },
    { header: "  VOORNAAM  ", field: "firstName" },
    { header: "Opmerkingen", field: "ignore" },
    { header: "", field: "ignore" },
  ])("reads '$header' as $field", ({ header, field }) => {
    expect(guessMapping([header])).toEqual([field]);
  });

  it("gives a field to the first column that names it and ignores a second one", () => {
    expect(guessMapping(["Telefoon", "Mobiel", "Voornaam"])).toEqual(["phone", "ignore", "firstName"]);
  });

  it("maps a typical Dutch export column by column", () => {
    expect(guessMapping(["Voornaam", "Tussenvoegsel", "Achternaam", "E-mailadres", "Mobiel", "Geboortedatum", "Gebruikersnaam", "Groep", "Notitie"])).toEqual([
      "firstName",
      "infix",
      "lastName",
      "email",
      "phone",
      "birthDate",
      "username",
      "groups",
      "ignore",
    ]);
  });
});

describe("checking a chosen mapping", () => {
  it.each([
    { label: "first and last name chosen", mapping: ["firstName", "lastName", "ignore"], problems: [] },
    { label: "no last name", mapping: ["firstName", "email"], problems: [{ kind: "missing", field: "lastName" }] },
    {
      label: "neither name",
      mapping: ["email", "ignore"],
      problems: [
        { kind: "missing", field: "firstName" },
        { kind: "missing", field: "lastName" },
      ],
    },
    { label: "email chosen twice", mapping: ["firstName", "lastName", "email", "email"], problems: [{ kind: "twice", field: "email" }] },
    { label: "ignore chosen many times", mapping: ["firstName", "lastName", "ignore", "ignore"], problems: [] },
  ] as const)("$label", ({ mapping, problems }) => {
    expect(checkMapping(mapping)).toEqual(problems);
  });
});
