"use server";
// The coordinators' write surface for logins: propose usernames, create the confirmed logins (pending),
// count and activate pending logins. The tenant comes from the actor, never from input; ids of another
// organisation are refused by the guard as not found.
import { revalidatePath } from "next/cache";
import { coordinatorAction } from "@/lib/auth/guards";
import type { AccessTarget } from "@/lib/accounts/blocking/schemas";
import { todayIn } from "@/lib/dates";
import { activateLogins as activate, previewActivation } from "@/lib/accounts/logins/activation";
import { createLogins as create, previewLogins as preview } from "@/lib/accounts/logins/creation";
import { activateLoginsSchema, createLoginsSchema, previewActivationSchema, previewLoginsSchema } from "@/lib/accounts/logins/schemas";

/** The members table, the audit log and, for one person, their page. */
function refreshPages(target: AccessTarget): void {
  revalidatePath("/dashboard/people");
  revalidatePath("/dashboard/audit");
  if (target.kind === "person") revalidatePath(`/dashboard/people/${target.personId}`);
}

/** The usernames the chosen people would get, and who is left out and why. Writes nothing. */
export const previewLogins = coordinatorAction("previewLogins", previewLoginsSchema, (actor, input) =>
  preview(actor.tenantId, actor, input.target, todayIn(actor.timeZone)),
);

/** Creates the confirmed logins, not yet activated, in one go; nothing is written when any username is refused. */
export const createLogins = coordinatorAction("createLogins", createLoginsSchema, async (actor, input) => {
  const result = await create(actor.tenantId, actor, input, todayIn(actor.timeZone));
  if (result.outcome === "done") refreshPages(input.target);
  return result;
});

/** How many pending logins an activation would affect, for the confirmation step. Changes nothing. */
export const countLoginActivation = coordinatorAction("countLoginActivation", previewActivationSchema, (actor, input) =>
  previewActivation(actor.tenantId, actor, input.target),
);

export const activateLogins = coordinatorAction("activateLogins", activateLoginsSchema, async (actor, input) => {
  const result = await activate(actor.tenantId, actor, input);
  if (result.outcome === "done") refreshPages(input.target);
  return result;
});
