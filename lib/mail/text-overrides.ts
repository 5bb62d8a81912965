// The resolver that layers a provider's and an organisation's stored overrides (email_texts) over the
// platform defaults of the registry.
import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { emailTexts } from "@/lib/db/schema/platform";
import { organisations } from "@/lib/db/schema/tenancy";
import {
  defaultEmailLocale,
  defaultEmailTexts,
  emailLocales,
  emailTemplateKeys,
  emailTemplates,
  emailTextFields,
  toEmailLocale,
  validateEmailTextField,
  type EmailLocale,
  type EmailTemplate,
  type EmailTextField,
  type EmailTexts,
} from "./registry";

type Override = { subject: string | null; body: string | null; buttonLabel: string | null };

/** A stored field that is set and passes the save rules, else null (inherit). */
function usableOverride(template: EmailTemplate, field: EmailTextField, value: string | null): string | null {
  return value !== null && value.trim() !== "" && validateEmailTextField(template, field, value).ok ? value : null;
}

/**
 * One layer over another, field by field. An empty field inherits, and so does a field that no longer
 * validates (say a placeholder was dropped from the template after it was saved): a message always
 * goes out with the nearest valid text rather than not at all.
 */
function applyOverride(template: EmailTemplate, base: EmailTexts, override: Override | undefined): EmailTexts {
  if (!override) return base;
  const pick = (field: EmailTextField, value: string | null, fallback: string): string => usableOverride(template, field, value) ?? fallback;
  return {
    subject: pick("subject", override.subject, base.subject),
    body: pick("body", override.body, base.body),
    buttonLabel: base.buttonLabel === null ? null : pick("buttonLabel", override.buttonLabel, base.buttonLabel),
  };
}

export type ResolvedEmailTexts = {
  locale: EmailLocale;
  /** Null only for messages without an organisation. */
  organisationName: string | null;
  texts: EmailTexts;
};

/**
 * The texts for one message: platform default → the organisation's provider → the organisation, in one
 * query. Without `locale`, the language the recipient (`personId`) chose for their login is used, else
 * the organisation's. Throws if the organisation does not exist.
 */
export async function resolveEmailTexts(
  db: DbOrTx,
  options: { tenantId: string | null; template: EmailTemplate; locale?: EmailLocale; personId?: string | null },
): Promise<ResolvedEmailTexts> {
  const { tenantId, template } = options;
  if (tenantId === null) {
    const locale = options.locale ?? defaultEmailLocale;
    return { locale, organisationName: null, texts: defaultEmailTexts(template, locale) };
  }
  // The organisation row anchors the join, so its name and locale come back even without overrides.
  // Provider rows are those of this organisation's own provider with no tenant; the tenant condition is
  // never optional, so another organisation's override can never match.
  const rows = await db
    .select({
      organisationName: organisations.name,
      organisationLocale: organisations.locale,
      // The recipient's own choice, in the same statement; null for anyone without a login here.
      recipientLocale: sql<string | null>`(select ${users.locale} from ${users} where ${users.personId} = ${options.personId ?? null} and ${users.tenantId} = ${organisations.id})`,
      overrideTenantId: emailTexts.tenantId,
      overrideLocale: emailTexts.locale,
      subject: emailTexts.subject,
      body: emailTexts.body,
      buttonLabel: emailTexts.buttonLabel,
    })
    .from(organisations)
    .leftJoin(
      emailTexts,
      and(
        eq(emailTexts.template, template),
        or(
          eq(emailTexts.tenantId, organisations.id),
          and(isNull(emailTexts.tenantId), eq(emailTexts.providerId, organisations.providerId)),
        ),
      ),
    )
    .where(eq(organisations.id, tenantId));
  const first = rows[0];
  if (!first) throw new Error(`Organisation ${tenantId} does not exist`);
  const locale = options.locale ?? toEmailLocale(first.recipientLocale ?? first.organisationLocale);
  const inLocale = rows.filter((row) => row.overrideLocale === locale);
  const providerRow = inLocale.find((row) => row.overrideTenantId === null);
  const organisationRow = inLocale.find((row) => row.overrideTenantId === tenantId);
  const texts = applyOverride(template, applyOverride(template, defaultEmailTexts(template, locale), providerRow), organisationRow);
  return { locale, organisationName: first.organisationName, texts };
}

/** Whose texts an editor changes: an organisation's (its admins) or a provider's (its provider admins). */
export type EmailTextScope = { level: "organisation"; tenantId: string } | { level: "provider"; providerId: string };
export type EmailTextSource = "platform" | "provider" | "organisation";

export type EditableEmailTextField = {
  /** What the mail uses now. */
  value: string;
  source: EmailTextSource;
  /** What the mail would use without this level's text, and where that comes from. */
  inherited: string;
  inheritedSource: EmailTextSource;
  /** This level's stored text, if any, also when it no longer passes the rules. */
  stored: string | null;
  /** Why the stored text is not used (the mail falls back to `inherited`), written for the admin. */
  broken: string | null;
};

export type EditableEmailTexts = {
  template: EmailTemplate;
  locale: EmailLocale;
  hasOverride: boolean;
  /** buttonLabel is absent for templates without a button. */
  fields: Partial<Record<EmailTextField, EditableEmailTextField>>;
};

type StoredRow = { tenantId: string | null; template: string; locale: string } & Override;

function layer(
  template: EmailTemplate,
  locale: EmailLocale,
  level: EmailTextScope["level"],
  providerRow: Override | undefined,
  ownRow: Override | undefined,
  adminLocale: EmailLocale,
): EditableEmailTexts {
  const defaults = defaultEmailTexts(template, locale);
  const fields: EditableEmailTexts["fields"] = {};
  for (const field of emailTextFields) {
    const platform = defaults[field];
    if (platform === null) continue;
    const fromProvider = level === "organisation" ? usableOverride(template, field, providerRow?.[field] ?? null) : null;
    const inherited = fromProvider ?? platform;
    const inheritedSource: EmailTextSource = fromProvider === null ? "platform" : "provider";
    const stored = ownRow?.[field] ?? null;
    const storedSet = stored !== null && stored.trim() !== "";
    const check = storedSet ? validateEmailTextField(template, field, stored, adminLocale) : null;
    const usable = check?.ok === true;
    fields[field] = {
      value: usable && stored !== null ? stored : inherited,
      source: usable ? level : inheritedSource,
      inherited,
      inheritedSource,
      stored: storedSet ? stored : null,
      broken: check && !check.ok ? check.message : null,
    };
  }
  return { template, locale, hasOverride: ownRow !== undefined, fields };
}

async function storedRows(db: DbOrTx, scope: EmailTextScope): Promise<{ provider: StoredRow[]; own: StoredRow[] }> {
  const columns = {
    tenantId: emailTexts.tenantId,
    template: emailTexts.template,
    locale: emailTexts.locale,
    subject: emailTexts.subject,
    body: emailTexts.body,
    buttonLabel: emailTexts.buttonLabel,
  };
  if (scope.level === "provider") {
    const own = await db.select(columns).from(emailTexts).where(and(eq(emailTexts.providerId, scope.providerId), isNull(emailTexts.tenantId)));
    return { provider: [], own };
  }
  // The organisation's own rows and its own provider's, anchored on the organisation row as in resolveEmailTexts.
  const rows = await db
    .select(columns)
    .from(organisations)
    .innerJoin(
      emailTexts,
      or(eq(emailTexts.tenantId, organisations.id), and(isNull(emailTexts.tenantId), eq(emailTexts.providerId, organisations.providerId))),
    )
    .where(eq(organisations.id, scope.tenantId));
  return { provider: rows.filter((row) => row.tenantId === null), own: rows.filter((row) => row.tenantId === scope.tenantId) };
}

/**
 * Every template in every language as the editor of `scope` shows it: the text in use, where it comes
 * from, what it inherits, and any stored text that no longer passes the rules (`broken`).
 */
export async function listEditableEmailTexts(db: DbOrTx, scope: EmailTextScope, adminLocale: EmailLocale = defaultEmailLocale): Promise<EditableEmailTexts[]> {
  const { provider, own } = await storedRows(db, scope);
  const find = (rows: StoredRow[], template: string, locale: string) => rows.find((row) => row.template === template && row.locale === locale);
  return emailTemplateKeys.flatMap((template) =>
    emailLocales.map((locale) => layer(template, locale, scope.level, find(provider, template, locale), find(own, template, locale), adminLocale)),
  );
}

/** One template in one language for the editor of `scope`. */
export async function getEditableEmailTexts(
  db: DbOrTx,
  scope: EmailTextScope,
  template: EmailTemplate,
  locale: EmailLocale,
  adminLocale: EmailLocale = defaultEmailLocale,
): Promise<EditableEmailTexts> {
  const all = await listEditableEmailTexts(db, scope, adminLocale);
  const found = all.find((entry) => entry.template === template && entry.locale === locale);
  if (!found) throw new Error(`No template ${template} in ${locale}`);
  return found;
}

/** Whether the template carries a button, so the editor shows (and saves) a button label. */
export function templateHasButton(template: EmailTemplate): boolean {
  return emailTemplates[template].hasButton;
}
