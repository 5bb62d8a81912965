// The shape and limits of an organisation's general settings (name, address, time zone, default
// language, hours deadline and reminder), without database code, so the admin's form can share them
// with the server.
import { z } from "zod";
import { isValidTimeZone } from "@/lib/tenancy/schemas";

export const organisationLocales = ["nl", "en"] as const;
export const NAME_MAX = 100;
/** The hours reminder goes out between 1 hour and one week (168 hours) before the deadline. */
export const REMINDER_HOURS_MIN = 1;
export const REMINDER_HOURS_MAX = 168;

/** A number field posts a string; an empty one stays empty so it is refused rather than read as 0. */
const toNumber = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value);

/** Every IANA zone this runtime knows, Europe/Amsterdam first: most organisations are Dutch. */
export function timeZoneChoices(): string[] {
  const zones = Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "Europe/Amsterdam");
  return ["Europe/Amsterdam", ...zones, ...(zones.includes("UTC") ? [] : ["UTC"])];
}

/**
 * A zone from the list, or an older IANA name for one (Europe/Kiev) that an organisation may already
 * have; never an offset ("+01:00") or a made-up name, which Intl would accept or reject unevenly.
 */
function isSupportedTimeZone(value: string): boolean {
  if (timeZoneChoices().includes(value)) return true;
  return /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(value) && isValidTimeZone(value);
}

export const organisationSettingsSchema = z.object({
  name: z.string({ error: "name" }).trim().min(1, "name").max(NAME_MAX, "name"),
  /** Empty clears it: the fallback chain then ends at the group's address. */
  email: z
    .string({ error: "email" })
    .trim()
    .max(254, "email")
    .refine((value) => value === "" || z.email().safeParse(value).success, "email"),
  timeZone: z.string({ error: "timeZone" }).trim().refine(isSupportedTimeZone, "timeZone"),
  locale: z.enum(organisationLocales, { error: "locale" }),
  hoursDeadlineWeekday: z.preprocess(toNumber, z.number({ error: "weekday" }).int("weekday").min(1, "weekday").max(7, "weekday")),
  hoursDeadlineTime: z.string({ error: "time" }).trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time"),
  hoursReminderHoursBefore: z.preprocess(
    toNumber,
    z
      .number({ error: "reminderHours" })
      .int("reminderHours")
      .min(REMINDER_HOURS_MIN, "reminderHours")
      .max(REMINDER_HOURS_MAX, "reminderHours"),
  ),
});
export type OrganisationSettingsInput = z.output<typeof organisationSettingsSchema>;

/** What the form shows and the audit log compares. */
export type OrganisationGeneralSettings = {
  name: string;
  email: string | null;
  timeZone: string;
  locale: string;
  hoursDeadline: { weekday: number; time: string };
  /** How many hours before the deadline members who have not confirmed get a reminder. */
  hoursReminderHoursBefore: number;
};
