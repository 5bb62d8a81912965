// Input shapes of the coordinators' member records: create a member and edit every field of one.
// The field schemas are the profile's (lib/people/schemas.ts), so a name or postcode is read the same
// way wherever it is typed. Messages are keys of the "memberRecords.errors" texts.
import { z } from "zod";
import { plainText } from "@/lib/plain-text";
import { profileErrorKeys, profileFieldSchemas } from "./schemas";
import { textProfileFields } from "./rules";

export const memberRecordErrorKeys = [...profileErrorKeys, "startDateInvalid", "endDateInvalid", "endBeforeStart"] as const;
export type MemberRecordErrorKey = (typeof memberRecordErrorKeys)[number];

export function isMemberRecordErrorKey(value: string): value is MemberRecordErrorKey {
  return (memberRecordErrorKeys as readonly string[]).includes(value);
}

/** The fields a coordinator edits, in the form's order. */
export const memberRecordFields = [...textProfileFields, "startDate", "endDate"] as const;
export type MemberRecordField = (typeof memberRecordFields)[number];

/** The values of a member record: every field may be empty but the first and last name. */
export type MemberRecordValues = Record<MemberRecordField, string | null> & { firstName: string; lastName: string };

/** A calendar date as the date input sends it (YYYY-MM-DD), a real day; empty is "none". */
function calendarDay(invalidKey: MemberRecordErrorKey) {
  return z.preprocess(
    (value) => (typeof value === "string" ? value : ""),
    plainText()
      .trim()
      .transform((value, context): string | null => {
        if (value === "") return null;
        const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
        const probe = match ? new Date(`${value}T00:00:00Z`) : null;
        if (!match || !probe || Number.isNaN(probe.getTime()) || probe.toISOString().slice(0, 10) !== value || value < "1900-01-01" || value > "2999-12-31") {
          context.addIssue({ code: "custom", message: invalidKey });
          return z.NEVER;
        }
        return value;
      }),
  );
}

/** Start and end date alone, to tell about their order when other fields are wrong too. */
export const memberDatesSchema = z.object({ startDate: calendarDay("startDateInvalid"), endDate: calendarDay("endDateInvalid") });

/**
 * Every field of a member record; `today` is the organisation's calendar day (a birth date cannot
 * lie after it). An end date may lie in the past or the future, but not before the start date.
 * Setting one does not block the login: the leavers notice on the people page points that out.
 */
export function memberRecordSchema(today: string) {
  return z
    .object({ ...profileFieldSchemas(today), ...memberDatesSchema.shape })
    .superRefine((value, context) => {
      if (value.startDate && value.endDate && value.endDate < value.startDate) {
        context.addIssue({ code: "custom", path: ["endDate"], message: "endBeforeStart" });
      }
    });
}
export type MemberRecordInput = z.output<ReturnType<typeof memberRecordSchema>>;

/** The edit form: the record's id beside every field. */
export function updateMemberRecordSchema(today: string) {
  return memberRecordSchema(today).and(z.object({ personId: z.uuid({ error: "invalid" }) }));
}
export type UpdateMemberRecordInput = z.output<ReturnType<typeof updateMemberRecordSchema>>;

/** One member, for "send a sign-in link". */
export const memberRefSchema = z.object({ personId: z.uuid({ error: "invalid" }) });
