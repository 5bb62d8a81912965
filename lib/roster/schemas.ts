// Input shapes of the roster, shared by the forms, the pages' search params and lib/roster/actions.ts.
// Error messages are keys of the "shiftEditor.errors" texts, so a form shows them in the reader's language.
import { z } from "zod";
import { plainText } from "@/lib/plain-text";
import { isRealDateKey } from "./rules";

export const shiftErrorKeys = [
  "activityRequired",
  "activityTooLong",
  "locationUnknown",
  "groupUnknown",
  "coordinatorUnknown",
  "dateInvalid",
  "timeInvalid",
  "startTimeDoesNotExist",
  "endTimeDoesNotExist",
  "endBeforeStart",
  "tooLong",
  "neededRange",
  "neededBelowFilled",
  "notesTooLong",
  "weekdayInvalid",
  "endsBeforeStart",
  "noOccurrences",
  "tooManyOccurrences",
  "dateOnlyForOne",
  "invalid",
] as const;
export type ShiftErrorKey = (typeof shiftErrorKeys)[number];

export function isShiftErrorKey(value: string): value is ShiftErrorKey {
  return (shiftErrorKeys as readonly string[]).includes(value);
}

/** Text from a form: a string, with anything else (a File, nothing) read as empty. */
const formText = z.preprocess((value) => (typeof value === "string" ? value : ""), plainText());
const tidy = (value: string) => value.normalize("NFC").replace(/\s+/g, " ").trim();

export const ACTIVITY_MAX = 100;
export const NOTES_MAX = 1_000;
export const NEEDED_MIN = 1;
export const NEEDED_MAX = 100;
/** More than any shift needs; a bigger selection is a forged request. */
export const PEOPLE_SELECTION_MAX = 500;

const dateKey = formText.transform((value) => value.trim()).pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dateInvalid").refine(isRealDateKey, "dateInvalid"));
const timeKey = formText.transform((value) => value.trim()).pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "timeInvalid"));

/** An optional id from a select: empty means none. Whether it belongs to the tenant is checked in the handler. */
function optionalId(unknownKey: ShiftErrorKey) {
  return formText.transform((value) => value.trim() || null).pipe(z.uuid({ error: unknownKey }).nullable());
}

/** A checkbox: present ("on", "true", "1") or absent; JSON callers may pass a boolean. */
const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true" || value === "1", z.boolean());

const shiftFields = {
  activity: formText.transform(tidy).pipe(z.string().min(1, "activityRequired").max(ACTIVITY_MAX, "activityTooLong")),
  locationId: optionalId("locationUnknown"),
  startTime: timeKey,
  endTime: timeKey,
  endsNextDay: checkbox,
  needed: z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value),
    z.number({ error: "neededRange" }).int("neededRange").min(NEEDED_MIN, "neededRange").max(NEEDED_MAX, "neededRange"),
  ),
  groupId: optionalId("groupUnknown"),
  coordinatorId: optionalId("coordinatorUnknown"),
  notes: formText
    .transform((value) => value.replace(/\r\n/g, "\n").trim())
    .pipe(z.string().max(NOTES_MAX, "notesTooLong"))
    .transform((value) => value || null),
};

const onceSchema = z.object({ repeat: z.literal("once"), date: dateKey, ...shiftFields });
const weeklySchema = z.object({
  repeat: z.literal("weekly"),
  weekday: z.preprocess((value) => (typeof value === "string" ? Number(value) : value), z.number({ error: "weekdayInvalid" }).int("weekdayInvalid").min(1, "weekdayInvalid").max(7, "weekdayInvalid")),
  startsOn: dateKey,
  endsOn: dateKey,
  ...shiftFields,
});

/** A new shift, or a weekly series of them. */
export const createShiftSchema = z.discriminatedUnion("repeat", [onceSchema, weeklySchema], { error: "invalid" });
export type CreateShiftInput = z.infer<typeof createShiftSchema>;

const shiftId = z.uuid({ error: "invalid" });

/** "one": this occurrence only; "following": this one and every later one of its series. */
export const seriesScopes = ["one", "following"] as const;
export type SeriesScope = (typeof seriesScopes)[number];
const scope = z.preprocess((value) => value ?? "one", z.enum(seriesScopes, { error: "invalid" }));

export const editShiftSchema = z.object({ shiftId, scope, date: dateKey, ...shiftFields });
export type EditShiftInput = z.infer<typeof editShiftSchema>;

export const cancelShiftSchema = z.object({ shiftId, scope });
export type CancelShiftInput = z.infer<typeof cancelShiftSchema>;

/** Member sign-up and sign-off name only the shift; the person is always the actor. */
export const shiftRefSchema = z.object({ shiftId });
export type ShiftRefInput = z.infer<typeof shiftRefSchema>;

export const shiftPeopleSchema = z.object({
  shiftId,
  personIds: z.array(z.uuid({ error: "invalid" })).min(1, "invalid").max(PEOPLE_SELECTION_MAX, "invalid"),
});
export type ShiftPeopleInput = z.infer<typeof shiftPeopleSchema>;

/** A search param: the first value if repeated, nothing if absent. */
const param = z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().max(20).optional().catch(undefined));

/**
 * The week and view of a roster page from its URL. Anything malformed falls back (to this week, to
 * all shifts) instead of failing: a hand-edited or stale link still shows a page.
 */
export const rosterPageParamsSchema = z.object({
  week: param.pipe(z.string().regex(/^\d{4}-W\d{2}$/).optional().catch(undefined)),
  from: param.pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined)),
  view: param.pipe(z.enum(["all", "open"]).optional().catch(undefined)).transform((value) => value ?? "all"),
  /** One day of the week ("2026-03-25"), or "all" for the whole week even when it is crowded. */
  day: param.pipe(z.string().regex(/^(\d{4}-\d{2}-\d{2}|all)$/).optional().catch(undefined)),
  /** How many of one day's shifts its view lists, grown by each "meer". */
  shown: param.pipe(z.string().regex(/^[1-9]\d{0,2}$/).transform(Number).optional().catch(undefined)),
});
export type RosterPageParams = z.infer<typeof rosterPageParamsSchema>;

/** A route segment that should be a shift id; anything else is "not found". */
export const shiftIdParamSchema = z.uuid();

/** Never throws: whatever the URL holds, the page gets a week and a view. */
export function parseRosterPageParams(raw: unknown): RosterPageParams {
  const parsed = rosterPageParamsSchema.safeParse(raw);
  return parsed.success ? parsed.data : { week: undefined, from: undefined, view: "all", day: undefined, shown: undefined };
}
