"use server";
// The admin's form for the organisation's general settings. Built with adminAction: the organisation
// always comes from the session, and coordinators and members are refused.
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { adminAction } from "@/lib/auth/guards";
import { saveOrganisationSettings } from "@/lib/tenancy/organisation-settings";
import { organisationSettingsSchema } from "@/lib/tenancy/organisation-settings-schemas";
import type { FormState } from "@/components/ui/form-state";

export const updateOrganisationSettings = adminAction("updateOrganisationSettings", organisationSettingsSchema, async (actor, input) => {
  const result = await saveOrganisationSettings(actor.tenantId, actor.userId, input);
  // The name sits in the sidebar and the time zone decides "today" on every page.
  if (result.changed) revalidatePath("/", "layout");
  return result;
});

export type OrganisationSettingsFormState = FormState & { status: "idle" | "saved" | "unchanged" | "invalid" | "forbidden" };

const errorKeys = ["name", "email", "timeZone", "locale", "weekday", "time", "reminderHours"] as const;

export async function saveOrganisationSettingsForm(_previous: OrganisationSettingsFormState, formData: FormData): Promise<OrganisationSettingsFormState> {
  const result = await updateOrganisationSettings(formData);
  const t = await getTranslations("organisationSettings");
  if (!result.ok) {
    if (result.error === "unauthorised") redirect("/sign-in");
    if (result.error === "forbidden") return { status: "forbidden", message: t("errors.forbidden") };
    const fieldErrors: Record<string, string[]> = {};
    for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) {
      const key = errorKeys.find((known) => known === keys[0]) ?? "invalid";
      fieldErrors[field] = [t(`errors.${key}`)];
    }
    return { status: "invalid", message: t("errors.checkFields"), fieldErrors };
  }
  return result.value.changed ? { status: "saved", message: t("saved") } : { status: "unchanged", message: t("unchanged") };
}
