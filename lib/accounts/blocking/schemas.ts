// Input shapes of the coordinators' access actions (block, unblock, schedule, unlock, resend username),
// shared by the people page and lib/accounts/blocking/actions.ts. Messages are keys of the
// "accounts.errors" texts, so the page can show them in the coordinator's language.
import { z } from "zod";
import { plainText } from "@/lib/plain-text";
import { accessStatusFilters, peoplePageSizes, peopleSorts, type PeoplePageSize } from "@/lib/accounts/blocking/rules";

/** More than any organisation has people; a bigger selection is a forged request, refused outright. */
export const SELECTION_MAX = 5_000;

const personId = z.uuid({ error: "unknownPeople" });

const personTarget = z.object({ kind: z.literal("person"), personId });
const selectionTarget = z.object({
  kind: z.literal("selection"),
  personIds: z.array(personId, { error: "selectionEmpty" }).min(1, "selectionEmpty").max(SELECTION_MAX, "selectionTooLarge"),
});
const groupTarget = z.object({ kind: z.literal("group"), groupId: z.uuid({ error: "unknownGroup" }) });
const everyoneTarget = z.object({ kind: z.literal("everyone") });

/** Who an access change is about: one person, a selection, a whole group, or everyone in the organisation. */
export const accessTargetSchema = z.discriminatedUnion("kind", [personTarget, selectionTarget, groupTarget, everyoneTarget], {
  error: "targetMissing",
});
export type AccessTarget = z.infer<typeof accessTargetSchema>;

export const accessChangeKinds = ["block", "unblock"] as const;
export type AccessChangeKind = (typeof accessChangeKinds)[number];

/** Counts who a block or unblock would affect, for the confirmation step; changes nothing. */
export const previewAccessChangeSchema = z.object({
  change: z.enum(accessChangeKinds, { error: "targetMissing" }),
  target: accessTargetSchema,
});
export type PreviewAccessChangeInput = z.infer<typeof previewAccessChangeSchema>;

/**
 * `expectedCount` is the number the coordinator confirmed. If the target has changed since (someone
 * else blocked a few, a member joined the group), nothing happens and the new number is shown.
 */
export const changeAccessSchema = z.object({
  target: accessTargetSchema,
  expectedCount: z.number({ error: "confirmationMissing" }).int("confirmationMissing").min(1, "confirmationMissing"),
});
export type ChangeAccessInput = z.infer<typeof changeAccessSchema>;

/** Counts who a bulk username resend would reach, for the confirmation step; changes nothing. */
export const countUsernameResendSchema = z.object({ target: accessTargetSchema });
export type CountUsernameResendInput = z.infer<typeof countUsernameResendSchema>;

/** A calendar date, YYYY-MM-DD, as a date input sends it; whether it exists and lies ahead is checked in the handler. */
export const scheduleDateSchema = z
  .string({ error: "dateMalformed" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "dateMalformed");

export const scheduleBlockSchema = z.object({
  target: z.discriminatedUnion("kind", [personTarget, selectionTarget], { error: "targetMissing" }),
  date: scheduleDateSchema,
});
export type ScheduleBlockInput = z.infer<typeof scheduleBlockSchema>;

/** One person's account: cancel a scheduled block, unlock, resend the username. */
export const personAccountSchema = z.object({ personId });
export type PersonAccountInput = z.infer<typeof personAccountSchema>;

/** The people page's query string (?q=&group=&location=&status=&sort=&dir=&size=&page=); anything unreadable falls back to the default. */
export const peopleFilterSchema = z.object({
  q: plainText().trim().max(100).optional().catch(undefined),
  group: z.uuid().optional().catch(undefined),
  location: z.uuid().optional().catch(undefined),
  status: z.enum(accessStatusFilters).catch("all"),
  sort: z.enum(peopleSorts).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  size: z.coerce
    .number()
    .refine((size): size is PeoplePageSize => (peoplePageSizes as readonly number[]).includes(size))
    .catch(peoplePageSizes[0]),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type PeopleFilterInput = z.infer<typeof peopleFilterSchema>;

/** The audit page's query string (?page=). */
export const auditPageSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });
