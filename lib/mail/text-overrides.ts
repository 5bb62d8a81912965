// The resolver that layers a provider's and an organisation's stored overrides (email_texts) over the
// platform defaults of the registry.
import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { emailTexts } from "@/lib/db/schema/platform";
import { organisations } from "@/lib/db/schema/tenancy";
import { defaultEmailLocale, defaultEmailTexts, toEmailLocale, validateTemplateText, type EmailLocale, type EmailTemplate, type EmailTexts } from "./registry";

type Override = { subject: string | null; body: string | null; buttonLabel: string | null };

/**
 * One layer over another, field by field. An empty field inherits, and so does a field that no longer
 * validates (say a placeholder was dropped from the template after it was saved): a message always
 * goes out with the nearest valid text rather than not at all.
 */
function applyOverride(template: EmailTemplate, base: EmailTexts, override: Override | undefined): EmailTexts {
  if (!override) return base;
  const pick = (value: string | null, fallback: string): string =>
    value !== null && value.trim() !== "" && validateTemplateText(template, value).ok ? value : fallback;
  return {
    subject: pick(override.subject, base.subject),
    body: pick(override.body, base.body),
    buttonLabel: base.buttonLabel === null ? null : pick(override.buttonLabel, base.buttonLabel),
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
