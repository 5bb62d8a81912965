"use server";
// The member's hours write surface: confirming a week and asking for a correction, each a POST from
// the week's page (never a link: a reminder's sign-in link lands on that page and must change nothing).
// Built with memberAction: the input names only the week, and the person is always the actor. The
// `…Form` functions adapt an action to a form (useActionState): they translate refusals into the
// reader's language and redirect on success.
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { memberAction, type ActionResult } from "@/lib/auth/guards";
import { deliverAfterCommit } from "@/lib/mail/outbox";
import type { FormState } from "@/components/ui/form-state";
import { confirmWeek } from "./confirmation";
import { requestCorrection } from "./correction-requests";
import { confirmMyWeekSchema, requestMyCorrectionSchema } from "./member-schemas";

function refresh(weekStart: string): void {
  revalidatePath("/my", "layout");
  revalidatePath(`/my/hours/${weekStart}`);
  revalidatePath("/dashboard", "layout");
}

export const confirmMyWeek = memberAction("confirmMyWeek", confirmMyWeekSchema, async (actor, input) => {
  const result = await confirmWeek(actor.tenantId, actor.personId, input.weekStart, new Date(), actor.userId);
  if (result.outcome === "confirmed") refresh(input.weekStart);
  return result;
});

export const requestMyCorrection = memberAction("requestMyCorrection", requestMyCorrectionSchema, async (actor, input) => {
  const result = await requestCorrection(actor.tenantId, actor.personId, input.weekStart, input.message, new Date(), actor.userId);
  if (result.outcome === "requested") {
    // Mail written in the request's transaction goes out after the response; the outbox cron retries.
    const { mailIds } = result;
    if (mailIds.length > 0) after(() => deliverAfterCommit(mailIds));
    refresh(input.weekStart);
  }
  return result;
});

// ── Form adapters ────────────────────────────────────────────────────────────────────────────────

export type MyHoursFormState = FormState;

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

async function failure(result: Extract<ActionResult<unknown>, { ok: false }>): Promise<MyHoursFormState> {
  if (result.error === "unauthorised") redirect("/sign-in");
  const t = await getTranslations("myHours.errors");
  const messageProblem = result.fieldErrors?.message?.[0];
  if (messageProblem === "empty" || messageProblem === "tooLong") return { fieldErrors: { message: [t(messageProblem)] } };
  if (result.fieldErrors?.message) return { fieldErrors: { message: [t("invalidMessage")] } };
  return { message: t(result.error === "invalid" ? "notFound" : result.error) };
}

export async function confirmMyWeekForm(_previous: MyHoursFormState, formData: FormData): Promise<MyHoursFormState> {
  const weekStart = text(formData, "weekStart");
  const result = await confirmMyWeek({ weekStart });
  if (!result.ok) return failure(result);
  if (result.value.outcome === "confirmed") redirect(`/my/hours/${weekStart}?done=confirmed`);
  const t = await getTranslations("myHours.errors");
  return { message: t(result.value.problem) };
}

export async function requestMyCorrectionForm(_previous: MyHoursFormState, formData: FormData): Promise<MyHoursFormState> {
  const weekStart = text(formData, "weekStart");
  const result = await requestMyCorrection({ weekStart, message: text(formData, "message") });
  if (!result.ok) return failure(result);
  if (result.value.outcome === "requested") redirect(`/my/hours/${weekStart}?done=correction`);
  const t = await getTranslations("myHours.errors");
  const problem = result.value.problem;
  if (problem === "empty" || problem === "tooLong") return { fieldErrors: { message: [t(problem)] } };
  return { message: t(problem === "notYet" ? "correctionNotYet" : problem) };
}
