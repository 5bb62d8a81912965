"use server";
// The roster's whole write surface. Every action is built with memberAction or coordinatorAction: the
// tenant and the person always come from the actor, never from input. The `…Form` functions adapt an
// action to a form (useActionState): they translate outcomes into the reader's language and redirect
// on success. Taking or leaving a shift is only ever a POST, never a link, because mail scanners
// open links before people do.
import { getFormatter, getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import type { Actor, MemberActor } from "@/lib/accounts/queries";
import { coordinatorAction, memberAction, type ActionResult } from "@/lib/auth/guards";
import { getActor } from "@/lib/auth/session";
import { deliverAfterCommit } from "@/lib/mail/outbox";
import { assignPeople, cancelShifts, createShifts, editShifts, removePeople, type PlanningChange, type Planner } from "./planning";
import { cancelShiftSchema, createShiftSchema, editShiftSchema, isShiftErrorKey, shiftPeopleSchema, shiftRefSchema } from "./schemas";
import type { TimeSpan } from "./rules";
import { signOff, signUp, type RosterMember } from "./sign-ups";

function rosterMemberOf(actor: MemberActor): RosterMember {
  return { tenantId: actor.tenantId, personId: actor.personId, timeZone: actor.timeZone };
}

/** A planner needs no person record: a visiting provider admin plans too. */
function plannerOf(actor: Actor): Planner {
  return { tenantId: actor.tenantId, timeZone: actor.timeZone };
}

function refreshMemberPages(): void {
  revalidatePath("/my", "layout");
}

function refreshRoster(): void {
  revalidatePath("/dashboard", "layout");
  revalidatePath("/my", "layout");
}

/** Mail written in the change's transaction goes out after the response; the outbox cron retries. */
function deliver<R>(change: PlanningChange<R>): R {
  if (change.mailIds.length > 0) after(() => deliverAfterCommit(change.mailIds));
  return change.result;
}

// ── Member actions ───────────────────────────────────────────────────────────────────────────────

export const signUpForShift = memberAction("signUpForShift", shiftRefSchema, async (actor, input) => {
  const result = await signUp(rosterMemberOf(actor), input.shiftId);
  if (result.outcome === "signedUp") refreshMemberPages();
  return result;
});

export const signOffFromShift = memberAction("signOffFromShift", shiftRefSchema, async (actor, input) => {
  const result = await signOff(rosterMemberOf(actor), input.shiftId);
  if (result.outcome === "signedOff") refreshMemberPages();
  return result;
});

// ── Coordinator actions ──────────────────────────────────────────────────────────────────────────

export const createShift = coordinatorAction("createShift", createShiftSchema, async (actor, input) => {
  const result = await createShifts(plannerOf(actor), input);
  if (result.outcome === "saved") refreshRoster();
  return result;
});

export const editShift = coordinatorAction("editShift", editShiftSchema, async (actor, input) => {
  const result = deliver(await editShifts(plannerOf(actor), input));
  if (result.outcome === "saved") refreshRoster();
  return result;
});

export const cancelShift = coordinatorAction("cancelShift", cancelShiftSchema, async (actor, input) => {
  const result = deliver(await cancelShifts(plannerOf(actor), input));
  if (result.outcome === "cancelled") refreshRoster();
  return result;
});

export const assignPeopleToShift = coordinatorAction("assignPeopleToShift", shiftPeopleSchema, async (actor, input) => {
  const result = deliver(await assignPeople(plannerOf(actor), input));
  if (result.outcome === "assigned") refreshRoster();
  return result;
});

export const removePeopleFromShift = coordinatorAction("removePeopleFromShift", shiftPeopleSchema, async (actor, input) => {
  const result = deliver(await removePeople(plannerOf(actor), input));
  if (result.outcome === "removed") refreshRoster();
  return result;
});

// ── Form adapters ────────────────────────────────────────────────────────────────────────────────

/**
 * What a small roster form shows after posting: one sentence, as an error or a confirmation, with
 * details; after assigning, who was put on the shift and who was not, each with the reason.
 */
export type RosterFormState = {
  message?: string;
  tone?: "error" | "success" | "partial";
  details?: string[];
  assigned?: string[];
  notAssigned?: string[];
};

function shiftIdFrom(formData: FormData): string {
  const value = formData.get("shiftId");
  return typeof value === "string" ? value : "";
}

/** "ma 16 mrt 09:30 – 12:00" in the organisation's zone, for a refusal that names another shift. */
async function formatSpan(span: TimeSpan): Promise<string> {
  const [format, actor] = await Promise.all([getFormatter(), getActor()]);
  return format.dateTimeRange(span.startsAt, span.endsAt, {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: actor?.timeZone,
  });
}

/** Session gone: back to sign in. Wrong role, no such record, malformed input: a sentence each. */
async function failure(result: Extract<ActionResult<unknown>, { ok: false }>): Promise<RosterFormState> {
  if (result.error === "unauthorised") redirect("/sign-in");
  const t = await getTranslations("shifts.errors");
  return { tone: "error", message: t(result.error) };
}

export async function signUpForShiftForm(_previous: RosterFormState, formData: FormData): Promise<RosterFormState> {
  const shiftId = shiftIdFrom(formData);
  const result = await signUpForShift({ shiftId });
  if (!result.ok) return failure(result);
  const outcome = result.value;
  if (outcome.outcome === "signedUp") redirect(`/my/shifts/${shiftId}?done=signedUp`);
  const t = await getTranslations("shifts.errors");
  if (outcome.problem === "overlap" && outcome.overlapping) {
    const when = await formatSpan(outcome.overlapping);
    return { tone: "error", message: t("overlapWith", { activity: outcome.overlapping.activity, when }) };
  }
  return { tone: "error", message: t(outcome.problem) };
}

export async function signOffFromShiftForm(_previous: RosterFormState, formData: FormData): Promise<RosterFormState> {
  const shiftId = shiftIdFrom(formData);
  const result = await signOffFromShift({ shiftId });
  if (!result.ok) return failure(result);
  if (result.value.outcome === "signedOff") redirect(`/my/shifts/${shiftId}?done=signedOff`);
  const t = await getTranslations("shifts.errors");
  return { tone: "error", message: t(result.value.problem) };
}

/** The shift form's state: translated messages per field, and what was typed, to show it again. */
export type ShiftEditorState = {
  fieldErrors?: Record<string, string[]>;
  formError?: string;
  values?: Record<string, string>;
  /** Bumped on every answer so the form re-mounts its inputs with `values`. */
  attempt?: number;
};

function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}

async function translateFieldErrors(fieldErrors: Partial<Record<string, string[]>>): Promise<Record<string, string[]>> {
  const t = await getTranslations("shiftEditor.errors");
  const translated: Record<string, string[]> = {};
  for (const [field, keys] of Object.entries(fieldErrors)) {
    translated[field] = [...new Set((keys ?? []).map((key) => t(isShiftErrorKey(key) ? key : "invalid")))];
  }
  return translated;
}

/** Creates (no shiftId) or edits (with shiftId) a shift; on success opens the shift's page. */
export async function saveShiftForm(previous: ShiftEditorState, formData: FormData): Promise<ShiftEditorState> {
  const values = typedValues(formData);
  const attempt = (previous.attempt ?? 0) + 1;
  const isEdit = Boolean(values.shiftId);
  const result = isEdit ? await editShift(formData) : await createShift(formData);
  const t = await getTranslations("shiftEditor");
  if (!result.ok) {
    if (result.error === "unauthorised") redirect("/sign-in");
    if (result.error === "forbidden" || result.error === "notFound") return { formError: t(`errors.${result.error}`), values, attempt };
    return { fieldErrors: await translateFieldErrors(result.fieldErrors ?? {}), formError: t("errors.checkFields"), values, attempt };
  }
  const outcome = result.value;
  if (outcome.outcome === "saved") redirect(`/dashboard/roster/${outcome.shiftId}?saved=${isEdit ? "edited" : "created"}&count=${outcome.count}`);
  if (outcome.outcome === "invalid") {
    return { fieldErrors: await translateFieldErrors(outcome.fieldErrors), formError: t("errors.checkFields"), values, attempt };
  }
  return { formError: t(outcome.problem === "cancelled" ? "errors.isCancelled" : "errors.notFound"), values, attempt };
}

export async function cancelShiftForm(_previous: RosterFormState, formData: FormData): Promise<RosterFormState> {
  const result = await cancelShift(formData);
  if (!result.ok) return failure(result);
  const t = await getTranslations("roster.cancel");
  const outcome = result.value;
  if (outcome.outcome === "cancelled") return { tone: "success", message: t("done", { count: outcome.count, notified: outcome.notified }) };
  return { tone: "error", message: t(`refused.${outcome.problem}`) };
}

function personIdsFrom(formData: FormData): string[] {
  return formData.getAll("personIds").filter((value): value is string => typeof value === "string");
}

export async function assignPeopleForm(_previous: RosterFormState, formData: FormData): Promise<RosterFormState> {
  const personIds = personIdsFrom(formData);
  const t = await getTranslations("roster.assign");
  if (personIds.length === 0) return { tone: "error", message: t("nobodyChosen") };
  const result = await assignPeopleToShift({ shiftId: shiftIdFrom(formData), personIds });
  if (!result.ok) return failure(result);
  const outcome = result.value;
  if (outcome.outcome === "refused") return { tone: "error", message: t(`refused.${outcome.problem}`) };
  const { assigned, notAssigned } = outcome;
  const reasons = await Promise.all(
    notAssigned.map(async (person) =>
      person.problem === "overlap" && person.overlapping
        ? t("personOverlap", { name: person.name, activity: person.overlapping.activity, when: await formatSpan(person.overlapping) })
        : t(`person.${person.problem}`, { name: person.name }),
    ),
  );
  const tone = notAssigned.length === 0 ? "success" : assigned.length === 0 ? "error" : "partial";
  const message =
    assigned.length === 0 ? t("noneAssigned") : t("done", { count: assigned.length, notAssigned: notAssigned.length });
  return { tone, message, assigned: assigned.map((person) => person.name), notAssigned: reasons };
}

export async function removePeopleForm(_previous: RosterFormState, formData: FormData): Promise<RosterFormState> {
  const personIds = personIdsFrom(formData);
  const t = await getTranslations("roster.remove");
  if (personIds.length === 0) return { tone: "error", message: t("nobodyChosen") };
  const result = await removePeopleFromShift({ shiftId: shiftIdFrom(formData), personIds });
  if (!result.ok) return failure(result);
  const outcome = result.value;
  if (outcome.outcome === "removed") return { tone: "success", message: t("done", { count: outcome.count }) };
  return { tone: "error", message: t(`refused.${outcome.problem}`) };
}
