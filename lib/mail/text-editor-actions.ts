"use server";
// The email text editor's actions, at two levels: an organisation's admins (adminAction, the
// organisation from the session) and a provider's admins (providerAdminAction, the provider from the
// session). Input never names the organisation or provider, so no one reaches another's texts.
import { revalidatePath } from "next/cache";
import { adminAction, providerAdminAction } from "@/lib/auth/guards";
import type { Actor, ProviderAdminActor } from "@/lib/accounts/queries";
import {
  emailTextInputSchema,
  emailTextKeySchema,
  previewEmailTexts,
  resetEmailTexts,
  saveEmailTexts,
  sendTestEmail,
  toEmailTextInput,
} from "./text-editor";
import { toEmailLocale, type EmailLocale, type EmailTemplate } from "./registry";
import type { EmailTextScope } from "./text-overrides";

const organisationPage = "/dashboard/settings/emails";
const providerPage = "/provider/emails";

function organisationScope(actor: Actor): EmailTextScope {
  return { level: "organisation", tenantId: actor.tenantId };
}

function providerScope(admin: ProviderAdminActor): EmailTextScope {
  return { level: "provider", providerId: admin.providerId };
}

export const saveOrganisationEmailTexts = adminAction("saveOrganisationEmailTexts", emailTextInputSchema, async (actor, input) => {
  const result = await saveEmailTexts(organisationScope(actor), actor.userId, toEmailTextInput(input), toEmailLocale(actor.locale));
  if (result.status === "saved") revalidatePath(organisationPage, "layout");
  return result;
});

export const resetOrganisationEmailTexts = adminAction("resetOrganisationEmailTexts", emailTextKeySchema, async (actor, input) => {
  const result = await resetEmailTexts(organisationScope(actor), actor.userId, input.template as EmailTemplate, input.locale as EmailLocale);
  revalidatePath(organisationPage, "layout");
  return result;
});

export const previewOrganisationEmailTexts = adminAction("previewOrganisationEmailTexts", emailTextInputSchema, async (actor, input) =>
  previewEmailTexts(organisationScope(actor), toEmailTextInput(input), actor.organisationName, toEmailLocale(actor.locale)),
);

export const sendOrganisationTestEmail = adminAction("sendOrganisationTestEmail", emailTextInputSchema, async (actor, input) =>
  sendTestEmail(organisationScope(actor), { userId: actor.userId, personId: actor.personId }, toEmailTextInput(input), actor.organisationName, toEmailLocale(actor.locale)),
);

export const saveProviderEmailTexts = providerAdminAction("saveProviderEmailTexts", emailTextInputSchema, async (admin, input) => {
  const result = await saveEmailTexts(providerScope(admin), admin.userId, toEmailTextInput(input), toEmailLocale(admin.locale));
  if (result.status === "saved") revalidatePath(providerPage, "layout");
  return result;
});

export const resetProviderEmailTexts = providerAdminAction("resetProviderEmailTexts", emailTextKeySchema, async (admin, input) => {
  const result = await resetEmailTexts(providerScope(admin), admin.userId, input.template as EmailTemplate, input.locale as EmailLocale);
  revalidatePath(providerPage, "layout");
  return result;
});

export const previewProviderEmailTexts = providerAdminAction("previewProviderEmailTexts", emailTextInputSchema, async (admin, input) =>
  previewEmailTexts(providerScope(admin), toEmailTextInput(input), admin.providerName, toEmailLocale(admin.locale)),
);

export const sendProviderTestEmail = providerAdminAction("sendProviderTestEmail", emailTextInputSchema, async (admin, input) =>
  sendTestEmail(providerScope(admin), { userId: admin.userId, personId: null }, toEmailTextInput(input), admin.providerName, toEmailLocale(admin.locale)),
);
