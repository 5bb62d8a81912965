// The shape and limits of a group's name and email address and of bulk membership changes, without
// database code, so the coordinator's forms share them with the server.
import { z } from "zod";

export const GROUP_NAME_MAX = 100;
export const EMAIL_MAX = 254;
/** One page of the members table at most; a bigger selection is a bug or a crafted request. */
export const MEMBERSHIP_BATCH_MAX = 500;

const name = z.string({ error: "name" }).trim().min(1, "name").max(GROUP_NAME_MAX, "name");

/** Empty clears it: "tell the coordinator" mail about the group's shifts then goes to the organisation's address. */
const email = z
  .string({ error: "email" })
  .trim()
  .max(EMAIL_MAX, "email")
  .refine((value) => value === "" || z.email().safeParse(value).success, "email")
  .optional()
  .transform((value) => (value ? value : null));

export const createGroupSchema = z.object({ name, email });
export type CreateGroupInput = z.output<typeof createGroupSchema>;

export const groupIdSchema = z.object({ groupId: z.uuid({ error: "groupId" }) });
export type GroupIdInput = z.output<typeof groupIdSchema>;

export const updateGroupSchema = z.object({ groupId: z.uuid({ error: "groupId" }), name, email });
export type UpdateGroupInput = z.output<typeof updateGroupSchema>;

export const groupMembershipSchema = z.object({
  groupId: z.uuid({ error: "groupId" }),
  personIds: z.preprocess(
    (value) => (typeof value === "string" ? [value] : value),
    z.array(z.uuid({ error: "personIds" }), { error: "personIds" }).min(1, "personIds").max(MEMBERSHIP_BATCH_MAX, "personIds"),
  ),
});
export type GroupMembershipInput = z.output<typeof groupMembershipSchema>;
