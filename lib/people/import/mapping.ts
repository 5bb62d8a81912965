// Which member field each column of an uploaded list holds: guessed from Dutch and English header
// names, then chosen by the coordinator. Pure; no db.
import { memberRecordFields } from "@/lib/people/member-record-schemas";

/** The member fields a column can be imported into, in the order the mapping form lists them. */
export const importFields = [...memberRecordFields, "username", "groups"] as const;
export type ImportField = (typeof importFields)[number];
export type ColumnTarget = ImportField | "ignore";

/** Without these a row cannot become a member. */
export const requiredImportFields = ["firstName", "lastName"] as const satisfies readonly ImportField[];

export function isColumnTarget(value: unknown): value is ColumnTarget {
  return value === "ignore" || (typeof value === "string" && (importFields as readonly string[]).includes(value));
}

/** Header names as spelled in Dutch and English exports, compared without case, accents, spaces or punctuation. */
const headerNames: Record<ImportField, string[]> = {
  firstName: ["voornaam", "voornamen", "roepnaam", "firstname", "givenname", "forename", "first"],
  infix: ["tussenvoegsel", "tussenvoegsels", "tussenv", "tv", "voorvoegsel", "infix", "prefix", "nameprefix"],
  lastName: ["achternaam", "familienaam", "geslachtsnaam", "lastname", "surname", "familyname", "last"],
  email: ["email", "emailadres", "mail", "mailadres", "emailaddress", "mailaddress"],
  phone: ["telefoon", "telefoonnummer", "tel", "telnr", "mobiel", "mobielnummer", "mobielenummer", "mobieltelefoonnummer", "gsm", "phone", "phonenumber", "mobile", "mobilephone", "mobilenumber", "telephone", "cell", "cellphone"],
  birthDate: ["geboortedatum", "gebdatum", "gebdat", "geborenop", "dateofbirth", "birthdate", "birthday", "dob", "verjaardag"],
  address: ["adres", "straat", "straatenhuisnummer", "straathuisnummer", "woonadres", "address", "street", "streetaddress", "addressline1"],
  postcode: ["postcode", "zip", "zipcode", "postalcode", "postcodecijfers"],
  city: ["woonplaats", "plaats", "stad", "city", "town", "place"],
  startDate: ["startdatum", "begindatum", "datumindienst", "indienst", "indienstsinds", "lidsinds", "startdate", "start", "membersince", "joined", "datejoined"],
  endDate: ["einddatum", "uitdienst", "datumuitdienst", "vertrokken", "vertrekdatum", "enddate", "end", "left", "dateleft"],
  username: ["gebruikersnaam", "inlognaam", "loginnaam", "login", "username", "user", "accountnaam"],
  groups: ["groep", "groepen", "medewerkersgroep", "medewerkersgroepen", "group", "groups", "team", "teams"],
};

/** "E-mailadres " → "emailadres", "Geb. datum" → "gebdatum", "Tussenvoegsel(s)" → "tussenvoegsels". */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

const fieldByHeader = new Map<string, ImportField>(
  importFields.flatMap((field) => headerNames[field].map((name) => [name, field] as const)),
);

/** One target per column, guessed from its header; a field is given to the first column that names it. */
export function guessMapping(headers: readonly string[]): ColumnTarget[] {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const field = fieldByHeader.get(normaliseHeader(header));
    if (!field || taken.has(field)) return "ignore";
    taken.add(field);
    return field;
  });
}

export type MappingProblem = { kind: "missing"; field: ImportField } | { kind: "twice"; field: ImportField };

/** What is wrong with a chosen mapping: a required field no column holds, or a field two columns hold. */
export function checkMapping(mapping: readonly ColumnTarget[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  for (const field of requiredImportFields) if (!mapping.includes(field)) problems.push({ kind: "missing", field });
  for (const field of importFields) if (mapping.filter((target) => target === field).length > 1) problems.push({ kind: "twice", field });
  return problems;
}
