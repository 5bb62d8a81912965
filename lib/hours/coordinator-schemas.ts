// Input shapes of the coordinator's hours actions and the export route. Messages are keys of
// "hoursDashboard.errors".
import { z } from "zod";
import { isWeekStart } from "./rules";

const personId = z.uuid({ error: "notFound" });
const weekStart = z.string().refine(isWeekStart, { error: "invalidWeek" });
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "invalidTime" });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "invalidDay" });
const breakMinutes = z.coerce.number({ error: "invalidBreak" }).int("invalidBreak").min(0, "breakNegative").max(24 * 60, "breakTooLong");
/** A checkbox sends "on" (or nothing); JSON sends a boolean. */
const flag = z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")]).optional().transform((value) => value === true || value === "on" || value === "true");

export const weekRefSchema = z.object({ personId, weekStart });
export type WeekRefInput = z.output<typeof weekRefSchema>;

export const approveWeeksSchema = z.object({ weeks: z.array(weekRefSchema).min(1, "nothingSelected").max(5000) });
export type ApproveWeeksInput = z.output<typeof approveWeeksSchema>;

export const sendWeekBackSchema = weekRefSchema.extend({
  comment: z.string().trim().min(1, "commentMissing").max(1000, "commentTooLong"),
});
export type SendWeekBackInput = z.output<typeof sendWeekBackSchema>;

/** New start and end (clock times on `day`; an end at or before the start is the next day) and break. */
export const correctShiftSchema = z.object({ personId, shiftId: z.uuid({ error: "notFound" }), day, start: clockTime, end: clockTime, breakMinutes });
export type CorrectShiftInput = z.output<typeof correctShiftSchema>;

export const setNoShowSchema = z.object({ personId, shiftId: z.uuid({ error: "notFound" }), noShow: flag });
export type SetNoShowInput = z.output<typeof setNoShowSchema>;

export const extraHoursSchema = z.object({
  personId,
  day,
  start: clockTime,
  end: clockTime,
  breakMinutes,
  activity: z.string().trim().min(1, "activityMissing").max(120, "activityTooLong"),
  locationId: z
    .union([z.uuid({ error: "notFound" }), z.literal("")])
    .nullish()
    .transform((value) => (value ? value : null)),
});
export type ExtraHoursInput = z.output<typeof extraHoursSchema>;

export const changeExtraHoursSchema = extraHoursSchema.extend({ entryId: z.uuid({ error: "notFound" }) });
export type ChangeExtraHoursInput = z.output<typeof changeExtraHoursSchema>;

export const removeExtraHoursSchema = z.object({ personId, entryId: z.uuid({ error: "notFound" }) });
export type RemoveExtraHoursInput = z.output<typeof removeExtraHoursSchema>;

const exportFields = {
  layout: z.enum(["member", "location"]),
  format: z.enum(["xlsx", "csv"]),
  /** Only these members; everyone when left out. */
  personIds: z.array(personId).max(5000).optional(),
};

/** The export route's body: a week (its Monday) or a calendar month, the layout and the file format. */
export const exportHoursSchema = z.discriminatedUnion("period", [
  z.object({ period: z.literal("week"), weekStart, ...exportFields }),
  z.object({ period: z.literal("month"), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "invalidMonth" }), ...exportFields }),
]);
export type ExportHoursInput = z.output<typeof exportHoursSchema>;
