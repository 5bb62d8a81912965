// Input shapes of issuing temporary passwords (one member, or a bulk target by email or export), shared
// by the coordinator's controls, the actions and the export route. Messages are keys of "temporaryPasswords.errors".
import { z } from "zod";
import { accessTargetSchema } from "@/lib/accounts/blocking/schemas";
import { temporaryPasswordDeliveries } from "@/lib/accounts/temporary-passwords/rules";

const targetFields = {
  target: accessTargetSchema,
  /** Only accounts with login count 0. A checkbox sends "on"; JSON sends a boolean. */
  onlyNeverSignedIn: z.union([z.boolean(), z.literal("on")]).optional().transform((value) => value === true || value === "on"),
};

/** Counts who a reset would affect, for the confirmation; changes nothing. */
export const countTemporaryPasswordsSchema = z.object({ ...targetFields, delivery: z.enum(temporaryPasswordDeliveries, { error: "targetMissing" }) });
export type CountTemporaryPasswordsInput = z.output<typeof countTemporaryPasswordsSchema>;

/** A reset by email. `expectedCount` is the number the coordinator confirmed; a different count changes nothing. */
export const issueTemporaryPasswordsSchema = z.object({
  ...targetFields,
  expectedCount: z.number({ error: "confirmationMissing" }).int("confirmationMissing").min(1, "confirmationMissing"),
});
export type IssueTemporaryPasswordsInput = z.output<typeof issueTemporaryPasswordsSchema>;

/** The export route's body: the same, with the file format. */
export const exportTemporaryPasswordsSchema = issueTemporaryPasswordsSchema.extend({
  format: z.enum(["xlsx", "csv"], { error: "formatMissing" }),
});
export type ExportTemporaryPasswordsInput = z.output<typeof exportTemporaryPasswordsSchema>;

/** "Save and send password" for one member, from the member page. */
export const sendTemporaryPasswordSchema = z.object({ personId: z.uuid({ error: "unknownPeople" }) });
export type SendTemporaryPasswordInput = z.output<typeof sendTemporaryPasswordSchema>;
