// The one step every email goes through: domain code names the template, the recipients, the page each
// button opens and the placeholder values; this mints the sign-in links, resolves the texts once per
// language, renders each message and writes them all into the outbox inside the caller's transaction.
import { randomUUID } from "node:crypto";
import { render } from "@react-email/render";
import { and, eq, inArray } from "drizzle-orm";
import { createElement, type ReactElement } from "react";
import { issueSignInLinks } from "@/lib/accounts/links/sign-in-links";
import type { DbOrTx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { outbox } from "@/lib/db/schema/platform";
import { organisations } from "@/lib/db/schema/tenancy";
import { env } from "@/lib/env";
import { NoticeEmail } from "@/emails/notice";
import { SignInLinkEmail } from "@/emails/sign-in-link";
import type { EmailDetail } from "@/emails/components/detail-list";
import {
  defaultEmailLocale,
  emailTemplates,
  layoutTexts,
  renderEmailTexts,
  toEmailLocale,
  type EmailDetailKey,
  type EmailLocale,
  type EmailTemplate,
  type Placeholder,
  type PlaceholderValues,
} from "./registry";
import { sealMailBody } from "./sealed-body";
import { resolveEmailTexts, type ResolvedEmailTexts } from "./text-overrides";

export type FanOutRecipient<T extends EmailTemplate> = {
  /** The member the mail is about, for the per-member mail history; null for an organisation's address. */
  personId: string | null;
  email: string;
  name?: string | null;
  /** Defaults to the language the recipient chose for their login, else the organisation's. */
  locale?: EmailLocale;
  /** Every placeholder of the template except {organisatie}, which comes from the organisation. */
  values: Omit<PlaceholderValues<T>, "organisatie">;
  /**
   * The page the button opens: an app path, or an absolute URL on AUTH_URL that already carries its
   * own token (a password reset). Required for templates with a button unless `userId` is given.
   */
  buttonPath?: string;
  /**
   * An account with an active login: the button becomes its own 7-day sign-in link that lands on
   * `buttonPath` (the home page without one). Leave it out for the plain page, which asks to sign in.
   */
  userId?: string | null;
  /** Values shown in a box whatever the customised text says. */
  details?: Partial<Record<EmailDetailKey, string>>;
  /** An app path of the shift as a calendar file, shown as an "add to calendar" link under the button. */
  calendarUrl?: string;
};

export type FanOut<T extends EmailTemplate> = {
  tenantId: string | null;
  template: T;
  recipients: readonly FanOutRecipient<T>[];
  /** Marks the rows as one bulk mailing, so the members table can show its progress. */
  batch?: boolean;
  now?: Date;
};

export type FanOutResult = {
  /** Outbox ids in the order of the recipients, for `deliverAfterCommit` once the transaction has committed. */
  mailIds: string[];
  /** Set when `batch` was asked for and something was written. */
  batchId: string | null;
};

/** Placeholders whose value signs someone in: shown in the mail, masked in the delivery log's subject. */
const secretPlaceholders: ReadonlySet<Placeholder> = new Set(["code"]);

const detailOrder: readonly EmailDetailKey[] = ["username", "temporaryPassword", "code", "message", "comment"];
const typedDetails: ReadonlySet<EmailDetailKey> = new Set(["username", "temporaryPassword", "code"]);

/** Rows per outbox INSERT: eight parameters each, far below Postgres's 65,535, and a bounded statement size. */
const INSERT_CHUNK = 500;
/** Messages rendered at once: rendering is CPU work, and thousands of pending renders only cost memory. */
const RENDER_CHUNK = 50;

function maskSecrets<T extends EmailTemplate>(values: PlaceholderValues<T>): PlaceholderValues<T> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, secretPlaceholders.has(name as Placeholder) ? "••••••" : value]),
  ) as PlaceholderValues<T>;
}

/**
 * Every link in an email points into this app, built from AUTH_URL and never from a request's Host
 * header. Throws for an outside address: a programming error that must not reach a member's inbox.
 */
function toAppUrl(pathOrUrl: string): string {
  const { appUrl } = env();
  if (pathOrUrl.startsWith("/") && !pathOrUrl.startsWith("//")) return `${appUrl}${pathOrUrl}`;
  // Relative to the app so "//host/…" and other tricks resolve to their real origin and are refused.
  const url = new URL(pathOrUrl, appUrl);
  if (url.origin !== new URL(appUrl).origin) throw new Error(`Email links must point into the app (${appUrl}), not ${url.origin}`);
  return url.toString();
}

function buildDetails(locale: EmailLocale, details: Partial<Record<EmailDetailKey, string>>): EmailDetail[] {
  const labels = layoutTexts[locale].detailLabels;
  return detailOrder.flatMap((key) => {
    const value = details[key]?.trim();
    return value ? [{ label: labels[key], value, kind: typedDetails.has(key) ? ("code" as const) : ("text" as const) }] : [];
  });
}

/**
 * The language of each recipient who was given none: their login's choice, else the organisation's.
 * At most two statements for any number of recipients.
 */
async function fillLocales<T extends EmailTemplate>(tx: DbOrTx, tenantId: string | null, recipients: readonly FanOutRecipient<T>[]): Promise<EmailLocale[]> {
  const missing = recipients.filter((recipient) => !recipient.locale);
  if (missing.length === 0) return recipients.map((recipient) => recipient.locale ?? defaultEmailLocale);
  if (tenantId === null) return recipients.map((recipient) => recipient.locale ?? defaultEmailLocale);
  const personIds = [...new Set(missing.flatMap((recipient) => (recipient.personId ? [recipient.personId] : [])))];
  const chosen = new Map<string, string | null>();
  if (personIds.length > 0) {
    const rows = await tx
      .select({ personId: users.personId, locale: users.locale })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), inArray(users.personId, personIds)));
    for (const row of rows) if (row.personId) chosen.set(row.personId, row.locale);
  }
  const [organisation] = await tx.select({ locale: organisations.locale }).from(organisations).where(eq(organisations.id, tenantId));
  if (!organisation) throw new Error(`Organisation ${tenantId} does not exist`);
  return recipients.map((recipient) => recipient.locale ?? toEmailLocale((recipient.personId ? chosen.get(recipient.personId) : null) ?? organisation.locale));
}

/**
 * Writes one message of `template` per recipient into the outbox, inside `tx`: if it rolls back, no
 * mail ever existed. Texts are resolved once per language, sign-in links minted in one statement and
 * the rows inserted in chunks of 500. Returns the outbox ids in recipient order.
 * Throws if the organisation does not exist, or a button is missing or points outside the app.
 */
export async function sendToMany<T extends EmailTemplate>(tx: DbOrTx, input: FanOut<T>): Promise<FanOutResult> {
  const { tenantId, template, recipients } = input;
  if (recipients.length === 0) return { mailIds: [], batchId: null };
  const definition = emailTemplates[template];
  if (definition.hasButton) {
    const without = recipients.find((recipient) => !recipient.buttonPath && !recipient.userId);
    if (without) throw new Error(`Template ${template} needs a buttonUrl`);
  }

  const locales = await fillLocales(tx, tenantId, recipients);
  const resolvedByLocale = new Map<EmailLocale, ResolvedEmailTexts>();
  for (const locale of new Set(locales)) resolvedByLocale.set(locale, await resolveEmailTexts(tx, { tenantId, template, locale }));

  // Only templates with a button sign anyone in; the links are minted together, in recipient order.
  const signingIn = definition.hasButton ? recipients.flatMap((recipient, index) => (recipient.userId ? [{ index, userId: recipient.userId }] : [])) : [];
  const links = await issueSignInLinks(tx, {
    tenantId,
    now: input.now,
    links: signingIn.map(({ index, userId }) => ({ userId, destination: recipients[index].buttonPath ?? null })),
  });
  const linkOf = new Map(signingIn.map(({ index }, position) => [index, links[position]]));

  const batchId = input.batch ? randomUUID() : null;
  const rows: (typeof outbox.$inferInsert)[] = [];
  for (let start = 0; start < recipients.length; start += RENDER_CHUNK) {
    const rendered = await Promise.all(
      recipients.slice(start, start + RENDER_CHUNK).map(async (recipient, offset) => {
        const index = start + offset;
        const resolved = resolvedByLocale.get(locales[index]);
        if (!resolved) throw new Error(`No texts resolved for ${locales[index]}`);
        const organisationName = resolved.organisationName ?? "Ploeg";
        // Omit<…> plus the one omitted key is the full set; TypeScript cannot prove that for a generic T.
        const values = { ...recipient.values, organisatie: organisationName } as PlaceholderValues<T>;
        const texts = renderEmailTexts(template, resolved.texts, values);
        // The subject stays readable for the delivery log, so a code an admin put into it is masked there.
        const loggedSubject = renderEmailTexts(template, resolved.texts, maskSecrets(values)).subject;
        const button = linkOf.get(index) ?? recipient.buttonPath;
        const buttonUrl = definition.hasButton && button ? toAppUrl(button) : null;
        const details = buildDetails(resolved.locale, recipient.details ?? {});
        let email: ReactElement;
        if (template === "sign-in-link" && buttonUrl) {
          email = createElement(SignInLinkEmail, { locale: resolved.locale, organisationName, texts, signInUrl: buttonUrl, details });
        } else {
          // Member buttons sign in (or reset a password): forwarding the mail hands that power to someone else.
          const footerNote = buttonUrl && definition.audience === "member" ? layoutTexts[resolved.locale].doNotForward : undefined;
          const calendarLink = recipient.calendarUrl
            ? { href: toAppUrl(recipient.calendarUrl), label: layoutTexts[resolved.locale].addToCalendar }
            : undefined;
          email = createElement(NoticeEmail, { locale: resolved.locale, organisationName, texts, buttonUrl, details, footerNote, calendarLink });
        }
        const [html, text] = await Promise.all([render(email), render(email, { plainText: true })]);
        // The id is chosen here because the sealed body is bound to its row and address.
        const id = randomUUID();
        const toAddress = recipient.email.trim();
        return {
          id,
          tenantId,
          personId: recipient.personId,
          template,
          toAddress,
          toName: recipient.name ?? null,
          subject: loggedSubject,
          sealedBody: sealMailBody({ id, toAddress }, { subject: texts.subject, html, text }),
          batchId,
        };
      }),
    );
    rows.push(...rendered);
  }
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) await tx.insert(outbox).values(rows.slice(start, start + INSERT_CHUNK));
  return { mailIds: rows.map((row) => row.id as string), batchId };
}
