"use server";
// The member import's write surface: upload a file, choose its columns, confirm. Every action is built
// with coordinatorAction; the organisation comes from the session, and an import of another
// organisation answers as a missing one.
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/ui/form-state";
import { coordinatorAction, recordNotFound } from "@/lib/auth/guards";
import { todayIn } from "@/lib/dates";
import { createMemberImport, importMembers, saveImportMapping } from "./imports";
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_FILE_MB, MAX_IMPORT_ROWS } from "./parsing";
import { chooseImportColumnsSchema, confirmMemberImportSchema, uploadMemberImportSchema } from "./schemas";

const IMPORT_PATH = "/dashboard/people/import";

export const uploadMemberImport = coordinatorAction("uploadMemberImport", uploadMemberImportSchema, async (actor, { file }) => {
  if (!file) return { ok: false as const, reason: "empty" as const };
  // Refused before reading: the size is known without touching the bytes.
  if (file.size > MAX_IMPORT_FILE_BYTES) return { ok: false as const, reason: "tooLarge" as const };
  const name = file instanceof File ? file.name.replace(/[\u0000-\u001f\u007f-\u009f]/g, "") : "";
  return createMemberImport({ tenantId: actor.tenantId, userId: actor.userId }, { name, bytes: new Uint8Array(await file.arrayBuffer()) });
});

export const chooseImportColumns = coordinatorAction("chooseImportColumns", chooseImportColumnsSchema, async (actor, input) => {
  const result = await saveImportMapping(actor.tenantId, input.importId, input.mapping);
  if (result.outcome === "notFound") recordNotFound();
  return result;
});

export const confirmMemberImport = coordinatorAction("confirmMemberImport", confirmMemberImportSchema, async (actor, input) => {
  const result = await importMembers({ tenantId: actor.tenantId, userId: actor.userId }, input.importId, todayIn(actor.timeZone), input.expectedCount);
  if (result.outcome === "notFound") recordNotFound();
  if (result.outcome === "imported") revalidatePath("/dashboard/people");
  return result;
});

type GuardFailure = { ok: false; error: "unauthorised" | "forbidden" | "invalid" | "notFound" };

async function guardMessage(failure: GuardFailure): Promise<FormState> {
  if (failure.error === "unauthorised") redirect("/sign-in");
  const t = await getTranslations("memberImport.errors");
  return { message: t(failure.error === "forbidden" ? "forbidden" : failure.error === "notFound" ? "notFound" : "invalidForm") };
}

/** The upload form: on success straight on to choosing the columns. */
export async function uploadMemberImportForm(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await uploadMemberImport(formData);
  if (!result.ok) return guardMessage(result);
  if (result.value.ok) redirect(`${IMPORT_PATH}/${result.value.importId}`);
  const t = await getTranslations("memberImport.upload.refused");
  return { message: t(result.value.reason, { maxMb: MAX_IMPORT_FILE_MB, maxRows: MAX_IMPORT_ROWS }) };
}

/** The column form: on success on to the preview; a required field left out is named. */
export async function chooseImportColumnsForm(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await chooseImportColumns(formData);
  if (!result.ok) return guardMessage(result);
  const importId = String(formData.get("importId"));
  const outcome = result.value;
  if (outcome.outcome === "saved") redirect(`${IMPORT_PATH}/${importId}/preview`);
  if (outcome.outcome === "alreadyImported") redirect(`${IMPORT_PATH}/${importId}`);
  const t = await getTranslations("memberImport");
  return { message: outcome.problems.map((problem) => t(`mapping.problems.${problem.kind}`, { field: t(`fields.${problem.field}`) })).join(" ") };
}

/** The confirmation: on success (or when it was already done) the result page. */
export async function confirmMemberImportForm(_previous: FormState, formData: FormData): Promise<FormState> {
  const result = await confirmMemberImport(formData);
  if (!result.ok) return guardMessage(result);
  const importId = String(formData.get("importId"));
  const outcome = result.value;
  if (outcome.outcome === "imported" || outcome.outcome === "alreadyImported") redirect(`${IMPORT_PATH}/${importId}`);
  if (outcome.outcome === "invalidMapping") redirect(`${IMPORT_PATH}/${importId}`);
  const t = await getTranslations("memberImport.confirm");
  if (outcome.outcome === "countChanged") return { message: t("countChanged", { count: outcome.count }) };
  if (outcome.outcome === "nothingToImport") return { message: t("nothingToImport") };
  return { message: t("notFound") };
}
