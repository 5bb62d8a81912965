"use server";
// The email text editor's actions, at two levels: an organisation's admins (adminAction, the
// organisation from the session) and a provider's admins (providerAdminAction, the provider from the
// session). Input never names the organisation or provider, so no one reaches another's texts.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
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

/** Who edits which texts, the same for both levels: each action below is one function of it. */
type EditorContext = {
  scope: EmailTextScope;
  /** The page (layout) that shows these texts, refreshed after a change. */
  page: string;
  userId: string;
  /** The test email's recipient as a person; null for a provider admin, who is nobody's member. */
  personId: string | null;
  /** The name the preview and test email sign with. */
  senderName: string;
  adminLocale: EmailLocale;
};

function organisationContext(actor: Actor): EditorContext {
  return {
    scope: { level: "organisation", tenantId: actor.tenantId },
    page: "/dashboard/settings/emails",
    userId: actor.userId,
    personId: actor.personId,
    senderName: actor.organisationName,
    adminLocale: toEmailLocale(actor.locale),
  };
}

function providerContext(admin: ProviderAdminActor): EditorContext {
  return {
    scope: { level: "provider", providerId: admin.providerId },
    page: "/provider/emails",
    userId: admin.userId,
    personId: null,
    senderName: admin.providerName,
    adminLocale: toEmailLocale(admin.locale),
  };
}

type TextsInput = z.output<typeof emailTextInputSchema>;
type KeyInput = z.output<typeof emailTextKeySchema>;

async function saveTexts(context: EditorContext, input: TextsInput) {
  const result = await saveEmailTexts(context.scope, context.userId, toEmailTextInput(input), context.adminLocale);
  if (result.status === "saved") revalidatePath(context.page, "layout");
  return result;
}

async function resetTexts(context: EditorContext, input: KeyInput) {
  const result = await resetEmailTexts(context.scope, context.userId, input.template as EmailTemplate, input.locale as EmailLocale);
  revalidatePath(context.page, "layout");
  return result;
}

async function previewTexts(context: EditorContext, input: TextsInput) {
  return previewEmailTexts(context.scope, toEmailTextInput(input), context.senderName, context.adminLocale);
}

async function sendTest(context: EditorContext, input: TextsInput) {
  return sendTestEmail(context.scope, { userId: context.userId, personId: context.personId }, toEmailTextInput(input), context.senderName, context.adminLocale);
}

export const saveOrganisationEmailTexts = adminAction("saveOrganisationEmailTexts", emailTextInputSchema, async (actor, input) =>
  saveTexts(organisationContext(actor), input),
);

export const resetOrganisationEmailTexts = adminAction("resetOrganisationEmailTexts", emailTextKeySchema, async (actor, input) =>
  resetTexts(organisationContext(actor), input),
);

export const previewOrganisationEmailTexts = adminAction("previewOrganisationEmailTexts", emailTextInputSchema, async (actor, input) =>
  previewTexts(organisationContext(actor), input),
);

export const sendOrganisationTestEmail = adminAction("sendOrganisationTestEmail", emailTextInputSchema, async (actor, input) =>
  sendTest(organisationContext(actor), input),
);

export const saveProviderEmailTexts = providerAdminAction("saveProviderEmailTexts", emailTextInputSchema, async (admin, input) =>
  saveTexts(providerContext(admin), input),
);

export const resetProviderEmailTexts = providerAdminAction("resetProviderEmailTexts", emailTextKeySchema, async (admin, input) =>
  resetTexts(providerContext(admin), input),
);

export const previewProviderEmailTexts = providerAdminAction("previewProviderEmailTexts", emailTextInputSchema, async (admin, input) =>
  previewTexts(providerContext(admin), input),
);

export const sendProviderTestEmail = providerAdminAction("sendProviderTestEmail", emailTextInputSchema, async (admin, input) =>
  sendTest(providerContext(admin), input),
);
