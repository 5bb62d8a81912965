"use server";
// The provider admin's write surface: create an organisation with its first admin, open (and leave) an
// organisation's dashboard, replace the operator's temporary password. Built with providerAdminAction:
// the provider always comes from the session, and an organisation of another provider is not found.
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { changeOwnPassword, changePasswordSchema } from "@/lib/accounts/own-account/own-account";
import { passwordChangeFormState, type AccountFormState } from "@/lib/accounts/own-account/password-form";
import { getClientKey } from "@/lib/auth/client";
import { providerAdminAction, providerPasswordAction, recordNotFound, refuse } from "@/lib/auth/guards";
import { readSessionCookie } from "@/lib/auth/session-token";
import { getDb } from "@/lib/db/client";
import { createOrganisationWithAdmin, ProvisioningError } from "./provisioning";
import { getProviderSlug } from "./provider-queries";
import { endProviderVisit, startProviderVisit } from "./provider-visits";
import { createProviderOrganisationSchema } from "./schemas";

/** This request's server-side session id: visits are stored on it. */
async function currentSessionId(): Promise<string> {
  const claims = await readSessionCookie();
  return claims?.sessionId ?? refuse("signedOut");
}

export const createProviderOrganisation = providerAdminAction("createProviderOrganisation", createProviderOrganisationSchema, async (admin, input) => {
  const provider = await getProviderSlug(admin.providerId);
  if (!provider) return refuse("notAllowed");
  try {
    const created = await createOrganisationWithAdmin(await getDb(), { ...input, provider }, { createdBy: { userId: admin.userId } });
    revalidatePath("/provider");
    return { outcome: "created" as const, ...created };
  } catch (error) {
    if (error instanceof ProvisioningError) return { outcome: "refused" as const, problem: error.problem };
    throw error;
  }
});

export type CreateOrganisationFormState = {
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Shown once: the new organisation's first admin and their temporary password. */
  created?: { name: string; username: string; temporaryPassword: string; expiresAt: string };
};

const fieldKeys = ["name", "slug", "adminUsername", "adminEmail", "adminName", "timeZone"] as const;

export async function createOrganisationForm(_previous: CreateOrganisationFormState, formData: FormData): Promise<CreateOrganisationFormState> {
  const t = await getTranslations("provider");
  const result = await createProviderOrganisation(formData);
  if (!result.ok) {
    if (result.error === "unauthorised") redirect("/sign-in");
    const fieldErrors: Record<string, string[]> = {};
    for (const field of Object.keys(result.fieldErrors ?? {})) {
      const key = fieldKeys.find((known) => known === field);
      if (key) fieldErrors[key] = [t(`errors.${key}`)];
    }
    return { message: t("errors.checkFields"), fieldErrors };
  }
  const value = result.value;
  if (value.outcome === "refused") {
    const field = value.problem === "slugTaken" ? "slug" : "adminUsername";
    return { message: t(`errors.${value.problem}`), fieldErrors: { [field]: [t(`errors.${value.problem}`)] } };
  }
  return {
    created: {
      name: String(formData.get("name") ?? "").trim(),
      username: value.adminUsername,
      temporaryPassword: value.temporaryPassword,
      expiresAt: value.temporaryPasswordExpiresAt.toISOString(),
    },
  };
}

const visitSchema = z.object({ organisationId: z.uuid() });

export const openOrganisationDashboard = providerAdminAction("openOrganisationDashboard", visitSchema, async (admin, input) => {
  const visit = await startProviderVisit(admin, await currentSessionId(), input.organisationId);
  if (visit.outcome === "notFound") recordNotFound();
  return visit;
});

/** "Open dashboard": the session acts in that organisation as admin, and the dashboard opens. */
export async function openDashboardForm(formData: FormData): Promise<void> {
  const result = await openOrganisationDashboard(formData);
  if (!result.ok && result.error === "unauthorised") redirect("/sign-in");
  // Another provider's organisation, a made-up id, a bad one: all the same "not found".
  if (!result.ok) redirect("/provider?visit=notFound");
  revalidatePath("/", "layout");
  redirect("/dashboard");
}

export const leaveOrganisationDashboard = providerAdminAction("leaveOrganisationDashboard", z.object({}), async (admin) => {
  await endProviderVisit(admin.userId, await currentSessionId());
  return { left: true };
});

/** The banner's way back: the visit ends and the provider page opens. */
export async function leaveDashboardForm(formData: FormData): Promise<void> {
  const result = await leaveOrganisationDashboard(formData);
  if (!result.ok && result.error === "unauthorised") redirect("/sign-in");
  revalidatePath("/", "layout");
  redirect("/provider");
}

const changePasswordGuarded = providerPasswordAction("changeProviderPassword", changePasswordSchema, async (admin, input) =>
  changeOwnPassword({ userId: admin.userId, tenantId: null }, input, { clientKey: await getClientKey() }),
);

/** The provider admin replaces the operator's temporary password (or their own): same rules as a member's. */
export async function changeProviderPassword(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  return passwordChangeFormState(await changePasswordGuarded(formData), () => "/provider");
}
