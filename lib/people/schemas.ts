// Input shapes of the people domain, shared by the profile form, its actions and the admin settings.
// Error messages are keys of the "profile.errors" texts, so the form shows them in the member's language.
import { z } from "zod";
import { plainText } from "@/lib/plain-text";
import { profileFieldOrder, normaliseDutchPostcode, normalisePhoneNumber, type TextProfileField } from "./rules";

export const profileErrorKeys = [
  "firstNameRequired",
  "lastNameRequired",
  "nameTooLong",
  "nameCharacters",
  "infixTooLong",
  "infixCharacters",
  "emailInvalid",
  "emailTooLong",
  "phoneInvalid",
  "birthDateInvalid",
  "birthDateFuture",
  "birthDateTooOld",
  "addressTooLong",
  "addressCharacters",
  "postcodeInvalid",
  "cityTooLong",
  "cityCharacters",
  "notEditable",
  "invalid",
] as const;
export type ProfileErrorKey = (typeof profileErrorKeys)[number];

export function isProfileErrorKey(value: string): value is ProfileErrorKey {
  return (profileErrorKeys as readonly string[]).includes(value);
}

/** Text from a form: a string, with anything else (a File, nothing) read as empty. */
const formText = z.preprocess((value) => (typeof value === "string" ? value : ""), plainText());

// Letters of any script with their accents, spaces, hyphens, apostrophes and full stops: "Zoë",
// "Jan-Willem", "O'Brien", "J.P.". No digits or symbols such as < and >.
const nameCharacters = /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u;
const tidy = (value: string) => value.normalize("NFC").replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim();

function requiredName(requiredKey: ProfileErrorKey) {
  return formText
    .transform(tidy)
    .pipe(z.string().min(1, { message: requiredKey, abort: true }).max(100, "nameTooLong").regex(nameCharacters, "nameCharacters"));
}

/**
 * An optional text field: empty means "not filled in" and is stored as null; anything else must pass
 * `inner`, whose own message keys are kept (a zod union would replace them with a generic one).
 */
function optionalText(inner: z.ZodType<string, string>) {
  return formText.transform(tidy).transform((value, context): string | null => {
    if (value === "") return null;
    const parsed = inner.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) context.addIssue({ code: "custom", message: issue.message });
    return z.NEVER;
  });
}

export const firstNameSchema = requiredName("firstNameRequired");
export const lastNameSchema = requiredName("lastNameRequired");

/** Tussenvoegsel: "de", "van der", "van 't". Written as typed; Belgian "Van" keeps its capital. */
export const infixSchema = optionalText(z.string().max(20, "infixTooLong").regex(/^[\p{L}' ]+$/u, "infixCharacters"));

export const emailSchema = optionalText(
  z
    .string()
    .max(254, "emailTooLong")
    .transform((value) => value.toLowerCase())
    .pipe(z.email("emailInvalid")),
);

export const phoneSchema = optionalText(
  z.string().transform((value, context) => {
    const normalised = normalisePhoneNumber(value);
    if (normalised === null) {
      context.addIssue({ code: "custom", message: "phoneInvalid" });
      return z.NEVER;
    }
    return normalised;
  }),
);

/** Oldest birth year accepted: older is a typing mistake, not a volunteer. */
export const EARLIEST_BIRTH_DATE = "1900-01-01";

/**
 * A birth date as ISO "YYYY-MM-DD". The date picker sends that; where there is none, members type
 * the Dutch way ("17-4-2006", "17/04/2006"), which is read too.
 */
export function parseBirthDate(input: string): string | null {
  const trimmed = input.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dutch ? [dutch[3], dutch[2], dutch[1]] : [];
  if (!year || !month || !day) return null;
  const value = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  const date = new Date(`${value}T00:00:00Z`);
  // Date rolls 31-02 over into March; a real date survives the round trip unchanged.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return null;
  return value;
}

/** `today` is the calendar day in the organisation's zone, "YYYY-MM-DD". */
export function birthDateSchema(today: string) {
  return optionalText(
    z.string().transform((value, context) => {
      const parsed = parseBirthDate(value);
      if (parsed === null) {
        context.addIssue({ code: "custom", message: "birthDateInvalid" });
        return z.NEVER;
      }
      if (parsed > today) {
        context.addIssue({ code: "custom", message: "birthDateFuture" });
        return z.NEVER;
      }
      if (parsed < EARLIEST_BIRTH_DATE) {
        context.addIssue({ code: "custom", message: "birthDateTooOld" });
        return z.NEVER;
      }
      return parsed;
    }),
  );
}

// Street and house number: letters, digits and the punctuation addresses use ("Prins Hendrikstraat 12-bis", "Kerkplein 3a").
export const addressSchema = optionalText(
  z.string().max(200, "addressTooLong").regex(/^[\p{L}\p{M}\p{N} .,'/()-]+$/u, "addressCharacters"),
);

export const postcodeSchema = optionalText(
  z.string().transform((value, context) => {
    const normalised = normaliseDutchPostcode(value);
    if (normalised === null) {
      context.addIssue({ code: "custom", message: "postcodeInvalid" });
      return z.NEVER;
    }
    return normalised;
  }),
);

// "'s-Hertogenbosch", "Alphen aan den Rijn", "Bergen (NH)".
export const citySchema = optionalText(z.string().max(100, "cityTooLong").regex(/^[\p{L}\p{M}' .()-]+$/u, "cityCharacters"));

/**
 * The rule of every field a member types in on their profile, in the profile's order; `today` is the
 * organisation's calendar day (a birth date cannot lie after it). The member record and the import
 * check the same fields with the same rules.
 */
export function profileFieldSchemas(today: string) {
  return {
    firstName: firstNameSchema,
    infix: infixSchema,
    lastName: lastNameSchema,
    email: emailSchema,
    phone: phoneSchema,
    birthDate: birthDateSchema(today),
    address: addressSchema,
    postcode: postcodeSchema,
    city: citySchema,
  } satisfies Record<TextProfileField, z.ZodType>;
}

/**
 * The profile form. Every field is optional in the shape: a field that is not sent is left as it is
 * (read-only fields are not sent at all); a field that is sent is validated and normalised.
 */
export function updateProfileSchema(today: string) {
  return z.object(profileFieldSchemas(today)).partial();
}
export type UpdateProfileInput = z.output<ReturnType<typeof updateProfileSchema>>;
export type ProfileValues = { [K in TextProfileField]: K extends "firstName" | "lastName" ? string : string | null };

/**
 * The admin's choices per field, posted as checkboxes `editable.<field>` and `visible.<field>`
 * (distinct names: a FormData read into an object keeps one value per name).
 */
export const profileFieldSettingsSchema = z
  .record(z.string(), z.unknown())
  .transform((raw) => ({
    editable: profileFieldOrder.filter((field) => raw[`editable.${field}`] === "on"),
    visible: profileFieldOrder.filter((field) => raw[`visible.${field}`] === "on"),
  }));
export type ProfileFieldSettingsInput = z.output<typeof profileFieldSettingsSchema>;

/** A photo upload: the file from the camera or the file chooser, whichever was used. */
export const uploadPhotoSchema = z
  .object({ photo: z.unknown().optional(), camera: z.unknown().optional() })
  .transform(({ photo, camera }) => {
    const chosen = [camera, photo].find((value): value is Blob => value instanceof Blob && value.size > 0);
    return { file: chosen ?? null };
  });
