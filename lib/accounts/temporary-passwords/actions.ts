"use server";
// The coordinators' write surface for temporary passwords: count a reset, reset and email (bulk), and
// "save and send password" for one member. The export is a POST route (app/api/temporary-passwords/export)
// because its answer is a file. Every action is built with coordinatorAction.
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { coordinatorAction } from "@/lib/auth/guards";
import { deliverAfterCommit } from "@/lib/mail/outbox";
import {
  previewTemporaryPasswords,
  resetAndEmailTemporaryPasswords,
  sendTemporaryPasswordTo,
  type TemporaryPasswordMailing,
  type TemporaryPasswordResult,
} from "@/lib/accounts/temporary-passwords/issuing";
import {
  countTemporaryPasswordsSchema,
  issueTemporaryPasswordsSchema,
  sendTemporaryPasswordSchema,
} from "@/lib/accounts/temporary-passwords/schemas";

/** Sends the committed mail after the response, so a bulk reset does not wait for SMTP (the cron retries). */
function finish(change: TemporaryPasswordMailing): TemporaryPasswordResult {
  const { mailIds, result } = change;
  if (mailIds.length > 0) after(() => deliverAfterCommit(mailIds));
  if (result.outcome === "done") {
    revalidatePath("/dashboard/people");
    revalidatePath("/dashboard/audit");
  }
  return result;
}

/** How many people a reset would affect (by email or export), for the confirmation. Changes nothing. */
export const countTemporaryPasswords = coordinatorAction("countTemporaryPasswords", countTemporaryPasswordsSchema, (actor, input) =>
  previewTemporaryPasswords(actor.tenantId, actor, input),
);

/** "Reset passwords and send email" for a selection, a group or everyone. */
export const resetPasswordsAndEmail = coordinatorAction("resetPasswordsAndEmail", issueTemporaryPasswordsSchema, async (actor, input) =>
  finish(await resetAndEmailTemporaryPasswords(actor.tenantId, actor, input)),
);

/** "Save and send password" for one member, from the member page. */
export const sendPersonTemporaryPassword = coordinatorAction("sendPersonTemporaryPassword", sendTemporaryPasswordSchema, async (actor, input) => {
  const result = finish(await sendTemporaryPasswordTo(actor.tenantId, actor, input.personId));
  if (result.outcome === "done") revalidatePath(`/dashboard/people/${input.personId}`);
  return result;
});
