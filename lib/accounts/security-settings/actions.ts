"use server";
// The admin's form for the sign-in security settings. Built with adminAction: the organisation always
// comes from the session, and coordinators and members are refused.
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { adminAction } from "@/lib/auth/guards";
import { saveSecuritySettings } from "@/lib/accounts/security-settings/settings";
import { securitySettingsSchema } from "@/lib/accounts/security-settings/rules";
import type { FormState } from "@/components/ui/form-state";

export const updateSecuritySettings = adminAction("updateSecuritySettings", securitySettingsSchema, async (actor, input) => {
  const result = await saveSecuritySettings(actor.tenantId, actor.userId, input);
  if (result.changed) revalidatePath("/dashboard", "layout");
  return result;
});

export type SecuritySettingsFormState = FormState & { status: "idle" | "saved" | "unchanged" | "invalid" | "forbidden" };

export async function saveSecuritySettingsForm(_previous: SecuritySettingsFormState, formData: FormData): Promise<SecuritySettingsFormState> {
  const result = await updateSecuritySettings(formData);
  const t = await getTranslations("securitySettings");
  if (!result.ok) {
    if (result.error === "unauthorised") redirect("/sign-in");
    if (result.error === "forbidden") return { status: "forbidden", message: t("errors.forbidden") };
    const fieldErrors: Record<string, string[]> = {};
    for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) {
      const key = keys[0] === "lockoutRange" || keys[0] === "passwordWrong" ? keys[0] : "choice";
      fieldErrors[field] = [t(`errors.${key}`)];
    }
    return { status: "invalid", message: t("errors.checkFields"), fieldErrors };
  }
  const saved = result.value;
  if ("refused" in saved) {
    if (saved.refused === "rateLimited") {
      return { status: "invalid", message: t("errors.rateLimited", { minutes: Math.max(1, Math.ceil(saved.retryAfterSeconds / 60)) }) };
    }
    return { status: "invalid", message: t("errors.checkFields"), fieldErrors: { currentPassword: [t(`errors.${saved.refused}`)] } };
  }
  return saved.changed ? { status: "saved", message: t("saved") } : { status: "unchanged", message: t("unchanged") };
}
