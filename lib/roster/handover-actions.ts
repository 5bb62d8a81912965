"use server";
// The handover's write surface: asking, accepting and withdrawing, each a POST from a page (never a
// link: mail scanners open links). Built with memberAction: the tenant and the member always come
// from the session. The `…Form` functions adapt an action to a form (useActionState): they translate
// outcomes into the reader's language and redirect on success.
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import type { MemberActor } from "@/lib/accounts/queries";
import { memberAction, type ActionResult } from "@/lib/auth/guards";
import { deliverAfterCommit } from "@/lib/mail/outbox";
import { acceptHandover, cancelHandover, requestHandover, type HandoverChange } from "./handover";
import { handoverRefSchema, requestHandoverSchema } from "./handover-schemas";
import type { RosterMember } from "./sign-ups";
import type { FormState } from "@/components/ui/form-state";

function memberOf(actor: MemberActor): RosterMember {
  return { tenantId: actor.tenantId, personId: actor.personId, timeZone: actor.timeZone };
}

/** Mail written in the change's transaction goes out after the response; the outbox cron retries. */
function deliver<R>(change: HandoverChange<R>): R {
  if (change.mailIds.length > 0) after(() => deliverAfterCommit(change.mailIds));
  return change.result;
}

function refresh(): void {
  revalidatePath("/my", "layout");
  revalidatePath("/dashboard", "layout");
}

export const askForHandover = memberAction("askForHandover", requestHandoverSchema, async (actor, input) => {
  const result = deliver(await requestHandover(memberOf(actor), input));
  if (result.outcome === "requested") refresh();
  return result;
});

export const acceptHandoverRequest = memberAction("acceptHandoverRequest", handoverRefSchema, async (actor, input) => {
  const result = deliver(await acceptHandover(memberOf(actor), input.requestId));
  if (result.outcome === "accepted") refresh();
  return result;
});

export const withdrawHandover = memberAction("withdrawHandover", handoverRefSchema, async (actor, input) => {
  const result = deliver(await cancelHandover(memberOf(actor), input.requestId));
  if (result.outcome === "withdrawn") refresh();
  return result;
});

// ── Form adapters ────────────────────────────────────────────────────────────────────────────────

export type HandoverFormState = FormState;

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

async function failure(result: Extract<ActionResult<unknown>, { ok: false }>): Promise<HandoverFormState> {
  if (result.error === "unauthorised") redirect("/sign-in");
  const t = await getTranslations("handover.errors");
  if (result.fieldErrors?.message) return { message: t("messageTooLong") };
  return { message: t(result.error) };
}

export async function askForHandoverForm(_previous: HandoverFormState, formData: FormData): Promise<HandoverFormState> {
  const groupId = text(formData, "groupId");
  const result = await askForHandover({
    shiftId: text(formData, "shiftId"),
    personIds: formData.getAll("personIds").filter((value): value is string => typeof value === "string"),
    groupId: groupId === "" ? null : groupId,
    message: text(formData, "message"),
  });
  if (!result.ok) return failure(result);
  const outcome = result.value;
  if (outcome.outcome === "requested") redirect(`/my/handover/${outcome.requestId}?done=requested`);
  if (outcome.problem === "alreadyAsked") redirect(`/my/handover/${outcome.requestId}`);
  const t = await getTranslations("handover.errors");
  if (outcome.problem === "notEligible") return { message: t("notEligible", { names: outcome.names.join(", "), count: outcome.names.length }) };
  return { message: t(outcome.problem) };
}

export async function acceptHandoverForm(_previous: HandoverFormState, formData: FormData): Promise<HandoverFormState> {
  const requestId = text(formData, "requestId");
  const result = await acceptHandoverRequest({ requestId });
  if (!result.ok) return failure(result);
  if (result.value.outcome === "accepted") redirect(`/my/handover/${requestId}?done=accepted`);
  // Someone else was first, or the request ended: the page itself now says so.
  const problem = result.value.problem;
  if (problem === "alreadyTaken" || problem === "alreadyYours" || problem === "withdrawn" || problem === "expired" || problem === "shiftCancelled") {
    redirect(`/my/handover/${requestId}`);
  }
  const t = await getTranslations("handover.errors");
  return { message: t(problem) };
}

export async function withdrawHandoverForm(_previous: HandoverFormState, formData: FormData): Promise<HandoverFormState> {
  const requestId = text(formData, "requestId");
  const result = await withdrawHandover({ requestId });
  if (!result.ok) return failure(result);
  redirect(`/my/handover/${requestId}${result.value.outcome === "withdrawn" ? "?done=withdrawn" : ""}`);
}
