// Input shapes of creating and activating logins, shared by the people page, the member page and
// lib/accounts/logins/actions.ts. The target is the same one/selection/group/everyone shape as blocking.
import { z } from "zod";
import { accessTargetSchema, SELECTION_MAX } from "@/lib/accounts/blocking/schemas";

/** Proposes usernames for everyone in the target who gets a login; writes nothing. */
export const previewLoginsSchema = z.object({ target: accessTargetSchema });
export type PreviewLoginsInput = z.infer<typeof previewLoginsSchema>;

/**
 * The usernames the coordinator confirmed, one per person of the preview (edited or as proposed).
 * Their shape is checked in the handler, so every problem comes back next to its row.
 */
export const createLoginsSchema = z.object({
  target: accessTargetSchema,
  logins: z
    .array(z.object({ personId: z.uuid({ error: "unknownPeople" }), username: z.string({ error: "required" }).max(1_000, "tooLong") }), {
      error: "confirmationMissing",
    })
    .min(1, "confirmationMissing")
    .max(SELECTION_MAX, "selectionTooLarge"),
});
export type CreateLoginsInput = z.infer<typeof createLoginsSchema>;

/** Counts the pending logins of the target, for the confirmation; changes nothing. */
export const previewActivationSchema = z.object({ target: accessTargetSchema });
export type PreviewActivationInput = z.infer<typeof previewActivationSchema>;

/** `expectedCount` is the number the coordinator confirmed; when the target changed meanwhile nothing happens. */
export const activateLoginsSchema = z.object({
  target: accessTargetSchema,
  expectedCount: z.number({ error: "confirmationMissing" }).int("confirmationMissing").min(1, "confirmationMissing"),
});
export type ActivateLoginsInput = z.infer<typeof activateLoginsSchema>;
