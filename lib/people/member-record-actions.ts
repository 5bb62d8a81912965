"use server";
// The coordinators' write surface for member records: create a member and edit every field of one.
// Built with coordinatorAction: the organisation always comes from the session, members are refused,
// and a record of another organisation answers exactly like a missing one ("notFound").
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { coordinatorAction, recordNotFound, type ActionResult } from "@/lib/auth/guards";
import { todayIn } from "@/lib/dates";
import type { FormState } from "@/components/ui/form-state";
import { createMemberRecord, updateMemberRecord, type MemberRecordUpdate } from "./member-records";
import {
  isMemberRecordErrorKey,
  memberRecordFields,
  memberDatesSchema,
  memberRecordSchema,
  type MemberRecordErrorKey,
  type MemberRecordField,
} from "./member-record-schemas";

type FieldErrors = Partial<Record<MemberRecordField, MemberRecordErrorKey>>;

export type MemberRecordResult<T> = ({ outcome: "saved" } & T) | { outcome: "invalid"; fieldErrors: FieldErrors };

/** Parsed in the handler rather than by the guard: "a birth date not in the future" needs the organisation's day. */
function parseRecord(timeZone: string, raw: Record<string, unknown>) {
  const parsed = memberRecordSchema(todayIn(timeZone)).safeParse(raw);
  if (parsed.success) return { ok: true as const, input: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = memberRecordFields.find((name) => name === issue.path[0]);
    if (field && !fieldErrors[field]) fieldErrors[field] = isMemberRecordErrorKey(issue.message) ? issue.message : "invalid";
  }
  // The order of the dates is checked on a whole record only; with other mistakes, say it too.
  const dates = memberDatesSchema.safeParse(raw);
  if (dates.success && dates.data.startDate && dates.data.endDate && dates.data.endDate < dates.data.startDate) fieldErrors.endDate ??= "endBeforeStart";
  return { ok: false as const, fieldErrors };
}

export const createMember = coordinatorAction(
  "createMember",
  z.record(z.string(), z.unknown()),
  async (actor, raw): Promise<MemberRecordResult<{ personId: string }>> => {
    const parsed = parseRecord(actor.timeZone, raw);
    if (!parsed.ok) return { outcome: "invalid", fieldErrors: parsed.fieldErrors };
    const created = await createMemberRecord(actor.tenantId, actor, parsed.input);
    revalidatePath("/dashboard/people");
    return { outcome: "saved", personId: created.personId };
  },
);

export const updateMember = coordinatorAction(
  "updateMember",
  z.object({ personId: z.uuid({ error: "invalid" }) }).catchall(z.unknown()),
  async (actor, raw): Promise<MemberRecordResult<MemberRecordUpdate>> => {
    const parsed = parseRecord(actor.timeZone, raw);
    if (!parsed.ok) return { outcome: "invalid", fieldErrors: parsed.fieldErrors };
    const updated = await updateMemberRecord(actor.tenantId, actor, raw.personId, parsed.input);
    if (!updated) recordNotFound();
    if (updated.changed.length > 0) {
      revalidatePath("/dashboard/people");
      revalidatePath(`/dashboard/people/${raw.personId}`);
    }
    return { outcome: "saved", ...updated };
  },
);

export type MemberRecordFormState = FormState & {
  status: "idle" | "saved" | "unchanged" | "invalid" | "failed";
  /** What was typed, so a refused form shows it again. */
  submitted?: Partial<Record<MemberRecordField, string>>;
};

function submittedValues(formData: FormData): Partial<Record<MemberRecordField, string>> {
  const values: Partial<Record<MemberRecordField, string>> = {};
  for (const field of memberRecordFields) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  return values;
}

/** Turns an action's answer into the form's state, with every message in the coordinator's language. */
async function toFormState<T>(result: ActionResult<MemberRecordResult<T>>, formData: FormData): Promise<MemberRecordFormState | { done: T }> {
  const t = await getTranslations("memberRecords");
  if (!result.ok) {
    if (result.error === "unauthorised") redirect("/sign-in");
    if (result.error === "notFound") return { status: "failed", message: t("errors.notFound") };
    if (result.error === "forbidden") return { status: "failed", message: t("errors.forbidden") };
    const fieldErrors: Record<string, string[]> = {};
    for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) {
      const key = keys[0] && isMemberRecordErrorKey(keys[0]) ? keys[0] : "invalid";
      fieldErrors[field] = [t(`errors.${key}`)];
    }
    return { status: "invalid", message: t("errors.checkFields"), fieldErrors, submitted: submittedValues(formData) };
  }
  const value = result.value;
  if (value.outcome === "invalid") {
    const fieldErrors: Record<string, string[]> = {};
    for (const [field, key] of Object.entries(value.fieldErrors)) if (key) fieldErrors[field] = [t(`errors.${key}`)];
    return { status: "invalid", message: t("errors.checkFields"), fieldErrors, submitted: submittedValues(formData) };
  }
  return { done: value };
}

/** The "Nieuw lid" form: on success the coordinator lands on the new member's page. */
export async function createMemberForm(_previous: MemberRecordFormState, formData: FormData): Promise<MemberRecordFormState> {
  const state = await toFormState(await createMember(formData), formData);
  if ("done" in state) redirect(`/dashboard/people/${state.done.personId}?created=1`);
  return state;
}

/** The edit form of one member. */
export async function updateMemberForm(_previous: MemberRecordFormState, formData: FormData): Promise<MemberRecordFormState> {
  const state = await toFormState(await updateMember(formData), formData);
  if (!("done" in state)) return state;
  const t = await getTranslations("memberRecords");
  return state.done.changed.length > 0 ? { status: "saved", message: t("saved") } : { status: "unchanged", message: t("unchanged") };
}
