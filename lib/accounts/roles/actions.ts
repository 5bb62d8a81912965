"use server";
// The admins' write surface for roles. Built with adminAction: coordinators and members are refused
// before the input is read, whatever the page shows them.
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { adminAction, recordNotFound } from "@/lib/auth/guards";
import type { FormState } from "@/components/ui/form-state";
import { changeRole as changeRoleOf } from "./roles";
import { changeRoleSchema } from "./schemas";

export const changeRole = adminAction("changeRole", changeRoleSchema, async (actor, input) => {
  const result = await changeRoleOf(actor.tenantId, actor, input);
  if (result.outcome === "notFound") recordNotFound();
  if (result.outcome === "changed") {
    revalidatePath("/dashboard", "layout");
    revalidatePath("/my", "layout");
  }
  return result;
});

export type RoleFormState = FormState & { saved?: boolean };

/** The role form's action: the change, or one message the form shows. */
export async function changeRoleForm(_previous: RoleFormState, formData: FormData): Promise<RoleFormState> {
  const t = await getTranslations("roles");
  const result = await changeRole(formData);
  if (!result.ok) {
    if (result.error === "unauthorised") redirect("/sign-in");
    if (result.error === "invalid") return { message: t("errors.invalid") };
    return { message: t(result.error === "notFound" ? "errors.notFound" : "errors.forbidden") };
  }
  const outcome = result.value;
  if (outcome.outcome === "refused") return { message: t(`errors.${outcome.reason}`) };
  if (outcome.outcome === "changed") return { saved: true, message: t("saved", { role: t(`names.${outcome.after}`) }) };
  return { message: t("errors.notFound") };
}
