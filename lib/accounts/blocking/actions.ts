"use server";
// The coordinators' write surface for access: block, unblock, schedule a block, unlock, remove a lost
// authenticator app, resend a username (to one person or in bulk).
// Every action is built with coordinatorAction: the tenant always comes from the actor, never from input.
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { coordinatorAction } from "@/lib/auth/guards";
import { deliverAfterCommit } from "@/lib/mail/outbox";
import {
  blockAccess,
  cancelScheduledBlock,
  previewAccessChange,
  resendUsername,
  scheduleBlock,
  sendSignInLinkTo,
  unblockAccess,
  resetAuthenticator,
  unlockAccount,
  type AccessChange,
  type AccessChangeResult,
} from "@/lib/accounts/blocking/blocking";
import { changeAccessSchema, countUsernameResendSchema, personAccountSchema, previewAccessChangeSchema, scheduleBlockSchema } from "@/lib/accounts/blocking/schemas";
import { previewUsernameResend, resendUsernames, type UsernameResending, type UsernameResendResult } from "@/lib/accounts/blocking/username-resend";

/** Sends the committed mail after the response, so a bulk block does not wait for SMTP. */
function finish(change: AccessChange): AccessChangeResult;
function finish(change: UsernameResending): UsernameResendResult;
function finish(change: AccessChange | UsernameResending): AccessChangeResult | UsernameResendResult {
  const { mailIds, result } = change;
  if (mailIds.length > 0) after(() => deliverAfterCommit(mailIds));
  if (result.outcome === "done") {
    revalidatePath("/dashboard/people");
    revalidatePath("/dashboard/audit");
    revalidatePath("/dashboard");
  }
  return result;
}

/** How many people a block or unblock would affect, for the confirmation step. Changes nothing. */
export const countAccessChange = coordinatorAction("countAccessChange", previewAccessChangeSchema, (actor, input) =>
  previewAccessChange(actor.tenantId, actor, input.change, input.target),
);

export const blockPeople = coordinatorAction("blockPeople", changeAccessSchema, async (actor, input) =>
  finish(await blockAccess(actor.tenantId, actor, input)),
);

export const unblockPeople = coordinatorAction("unblockPeople", changeAccessSchema, async (actor, input) =>
  finish(await unblockAccess(actor.tenantId, actor, input)),
);

export const schedulePeopleBlock = coordinatorAction("schedulePeopleBlock", scheduleBlockSchema, async (actor, input) =>
  finish(await scheduleBlock(actor.tenantId, actor, input)),
);

export const cancelPersonScheduledBlock = coordinatorAction("cancelPersonScheduledBlock", personAccountSchema, async (actor, input) =>
  finish(await cancelScheduledBlock(actor.tenantId, actor, input.personId)),
);

export const unlockPersonAccount = coordinatorAction("unlockPersonAccount", personAccountSchema, async (actor, input) =>
  finish(await unlockAccount(actor.tenantId, actor, input.personId)),
);

export const resetPersonAuthenticator = coordinatorAction("resetPersonAuthenticator", personAccountSchema, async (actor, input) =>
  finish(await resetAuthenticator(actor.tenantId, actor, input.personId)),
);

export const resendPersonUsername = coordinatorAction("resendPersonUsername", personAccountSchema, async (actor, input) =>
  finish(await resendUsername(actor.tenantId, actor, input.personId)),
);

/** How many people a bulk username resend reaches and who it skips, for the confirmation. Changes nothing. */
export const countUsernameResend = coordinatorAction("countUsernameResend", countUsernameResendSchema, (actor, input) =>
  previewUsernameResend(actor.tenantId, actor, input.target),
);

/** Username and a fresh sign-in link by email for a selection, a group or everyone who signed in before. */
export const resendPeopleUsernames = coordinatorAction("resendPeopleUsernames", changeAccessSchema, async (actor, input) =>
  finish(await resendUsernames(actor.tenantId, actor, input)),
);

/** A fresh sign-in link by email for one member whose login is active (the page asks first). */
export const sendPersonSignInLink = coordinatorAction("sendPersonSignInLink", personAccountSchema, async (actor, input) => {
  const result = finish(await sendSignInLinkTo(actor.tenantId, actor, input.personId));
  if (result.outcome === "done") revalidatePath(`/dashboard/people/${input.personId}`);
  return result;
});
