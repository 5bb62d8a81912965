// Saving, resetting, previewing and test-sending an organisation's or a provider's email texts. The
// scope always comes from the caller's session (lib/mail/text-editor-actions.ts), never from input.
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { consumeRateLimit, type RateLimitRule } from "@/lib/accounts/rate-limit";
import { getDb, type DbOrTx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { emailTexts } from "@/lib/db/schema/platform";
import { env } from "@/lib/env";
import { recordAudit } from "@/lib/tenancy/audit";
import { deliverAfterCommit, enqueueMail } from "./outbox";
import { emailLocales, emailTemplates, isEmailTemplate, validateEmailTextField, type EmailLocale, type EmailTemplate, type EmailTextField, type EmailTexts } from "./registry";
import { getEditableEmailTexts, type EditableEmailTexts, type EmailTextScope } from "./text-overrides";
import { previewEmailElement, renderPreview, type RenderedPreview } from "./text-preview";

/** What the editor posts: one template in one language. Field rules are checked by `checkEmailTexts`. */
export const emailTextInputSchema = z.object({
  template: z.string().refine(isEmailTemplate, { message: "template" }),
  locale: z.enum(emailLocales),
  subject: z.string().max(20_000),
  body: z.string().max(20_000),
  buttonLabel: z.string().max(20_000).optional().default(""),
});
export type EmailTextInput = { template: EmailTemplate; locale: EmailLocale; subject: string; body: string; buttonLabel: string };

export const emailTextKeySchema = z.object({
  template: z.string().refine(isEmailTemplate, { message: "template" }),
  locale: z.enum(emailLocales),
});

export function toEmailTextInput(input: z.output<typeof emailTextInputSchema>): EmailTextInput {
  return { ...input, template: input.template as EmailTemplate };
}

type FieldErrors = Partial<Record<EmailTextField, string[]>>;

/** The admin's texts checked against the save rules; an empty object when all pass. */
export function checkEmailTexts(input: EmailTextInput, adminLocale: EmailLocale): FieldErrors {
  const errors: FieldErrors = {};
  const fields: EmailTextField[] = emailTemplates[input.template].hasButton ? ["subject", "body", "buttonLabel"] : ["subject", "body"];
  for (const field of fields) {
    const result = validateEmailTextField(input.template, field, input[field], adminLocale);
    if (!result.ok) errors[field] = [result.message];
  }
  return errors;
}

export type SaveEmailTextsResult = { status: "saved" | "unchanged" } | { status: "invalid"; fieldErrors: FieldErrors };

function scopeCondition(scope: EmailTextScope) {
  return scope.level === "organisation"
    ? and(eq(emailTexts.tenantId, scope.tenantId), isNull(emailTexts.providerId))
    : and(eq(emailTexts.providerId, scope.providerId), isNull(emailTexts.tenantId));
}

function auditScope(scope: EmailTextScope) {
  return scope.level === "organisation" ? { tenantId: scope.tenantId, details: { level: "organisation" } } : { tenantId: null, details: { level: "provider", providerId: scope.providerId } };
}

/**
 * Saves one template's texts at the scope's level. A field equal to what it would inherit is stored as
 * "inherit" (null), so a later change at the level below still reaches it; a row of only such fields is
 * removed. Audited as `email-text.changed` with the names of the changed fields.
 */
export async function saveEmailTexts(scope: EmailTextScope, actorUserId: string, input: EmailTextInput, adminLocale: EmailLocale): Promise<SaveEmailTextsResult> {
  const fieldErrors = checkEmailTexts(input, adminLocale);
  if (Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await getEditableEmailTexts(tx, scope, input.template, input.locale, adminLocale);
    const next: Record<EmailTextField, string | null> = { subject: null, body: null, buttonLabel: null };
    const changed: EmailTextField[] = [];
    for (const [field, state] of Object.entries(current.fields) as [EmailTextField, NonNullable<EditableEmailTexts["fields"][EmailTextField]>][]) {
      const value = input[field].replace(/\r\n?/g, "\n");
      next[field] = value === state.inherited ? null : value;
      if (next[field] !== state.stored) changed.push(field);
    }
    if (changed.length === 0) return { status: "unchanged" as const };
    await tx.delete(emailTexts).where(and(scopeCondition(scope), eq(emailTexts.template, input.template), eq(emailTexts.locale, input.locale)));
    if (Object.values(next).some((value) => value !== null)) {
      await tx.insert(emailTexts).values({
        providerId: scope.level === "provider" ? scope.providerId : null,
        tenantId: scope.level === "organisation" ? scope.tenantId : null,
        template: input.template,
        locale: input.locale,
        ...next,
      });
    }
    const { tenantId, details } = auditScope(scope);
    await recordAudit(tx, { tenantId, actorUserId, action: "email-text.changed", details: { ...details, template: input.template, locale: input.locale, fields: changed, reset: false } });
    return { status: "saved" as const };
  });
}

/** "Back to the inherited text": removes this level's texts of one template in one language. */
export async function resetEmailTexts(scope: EmailTextScope, actorUserId: string, template: EmailTemplate, locale: EmailLocale): Promise<{ removed: boolean }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(emailTexts)
      .where(and(scopeCondition(scope), eq(emailTexts.template, template), eq(emailTexts.locale, locale)))
      .returning({ id: emailTexts.id });
    if (removed.length === 0) return { removed: false };
    const { tenantId, details } = auditScope(scope);
    await recordAudit(tx, { tenantId, actorUserId, action: "email-text.changed", details: { ...details, template, locale, fields: [], reset: true } });
    return { removed: true };
  });
}

/** A sample address for previews' buttons: the app's own start page. */
function sampleButtonUrl(): string {
  return `${env().appUrl}/my`;
}

/**
 * The live preview of what the admin is typing. A field that does not pass the rules is previewed with
 * the text it inherits, and its error is returned for the form.
 */
export async function previewEmailTexts(scope: EmailTextScope, input: EmailTextInput, organisationName: string, adminLocale: EmailLocale): Promise<RenderedPreview & { fieldErrors: FieldErrors }> {
  const fieldErrors = checkEmailTexts(input, adminLocale);
  const current = await getEditableEmailTexts(await getDb(), scope, input.template, input.locale, adminLocale);
  const pick = (field: EmailTextField): string => (fieldErrors[field] ? (current.fields[field]?.inherited ?? "") : input[field]);
  const texts: EmailTexts = { subject: pick("subject"), body: pick("body"), buttonLabel: emailTemplates[input.template].hasButton ? pick("buttonLabel") : null };
  const rendered = await renderPreview(input.template, input.locale, texts, organisationName, sampleButtonUrl());
  return { ...rendered, fieldErrors };
}

/** Test emails per admin: enough to try a few wordings, not enough to use the editor as a mailer. */
export const testEmailPerAccount: RateLimitRule = { name: "email-text-test:account", limit: 5, windowSeconds: 10 * 60 };

export type TestEmailResult =
  | { status: "sent"; address: string }
  | { status: "invalid"; fieldErrors: FieldErrors }
  | { status: "noAddress" }
  | { status: "rateLimited"; retryAfterSeconds: number };

/** The admin's own address: their member record's, else their login's (a provider admin has only that). */
async function ownAddress(db: DbOrTx, sender: { userId: string; personId: string | null }): Promise<string | null> {
  if (sender.personId) {
    const [person] = await db.select({ email: people.email }).from(people).where(eq(people.id, sender.personId));
    if (person?.email) return person.email;
  }
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, sender.userId));
  return user?.email ?? null;
}

/**
 * Writes the texts being edited, with sample values, to the outbox for the admin's own address; the
 * subject starts with "[Test]". Delivered after commit. Rate limited per admin.
 */
export async function sendTestEmail(
  scope: EmailTextScope,
  sender: { userId: string; personId: string | null },
  input: EmailTextInput,
  organisationName: string,
  adminLocale: EmailLocale,
): Promise<TestEmailResult> {
  const fieldErrors = checkEmailTexts(input, adminLocale);
  if (Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };
  const db = await getDb();
  const address = await ownAddress(db, sender);
  if (!address) return { status: "noAddress" };
  const verdict = await consumeRateLimit(testEmailPerAccount, sender.userId);
  if (!verdict.allowed) return { status: "rateLimited", retryAfterSeconds: verdict.retryAfterSeconds };
  const texts: EmailTexts = { subject: input.subject, body: input.body, buttonLabel: emailTemplates[input.template].hasButton ? input.buttonLabel : null };
  const { subject, email } = previewEmailElement(input.template, input.locale, texts, organisationName, sampleButtonUrl());
  const id = await db.transaction((tx) =>
    enqueueMail(tx, {
      tenantId: scope.level === "organisation" ? scope.tenantId : null,
      personId: null,
      template: input.template,
      to: { address, name: null },
      subject: `[Test] ${subject}`,
      email,
    }),
  );
  await deliverAfterCommit([id]);
  return { status: "sent", address };
}
