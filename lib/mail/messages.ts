// The senders domain code calls, one `sendX` per message. Each resolves the texts, renders the email and
// writes it into the outbox inside the caller's transaction; none of them touches the transport.
import { createElement, type ReactElement } from "react";
import type { DbOrTx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { NoticeEmail } from "@/emails/notice";
import { SignInLinkEmail } from "@/emails/sign-in-link";
import type { EmailDetail } from "@/emails/components/detail-list";
import { enqueueMail } from "./outbox";
import {
  emailTemplates,
  layoutTexts,
  renderEmailTexts,
  resolveEmailTexts,
  type EmailDetailKey,
  type EmailLocale,
  type EmailTemplate,
  type PlaceholderValues,
} from "./texts";

export type MailRecipient = {
  address: string;
  name?: string | null;
  /** The member the mail is about, for the per-member mail history. */
  personId?: string | null;
};

export type SendTemplateInput<T extends EmailTemplate> = {
  tenantId: string | null;
  template: T;
  to: MailRecipient;
  /** Defaults to the organisation's locale. */
  locale?: EmailLocale;
  /** Every placeholder of the template except {organisatie}, which comes from the organisation. */
  values: Omit<PlaceholderValues<T>, "organisatie">;
  /** Required for templates with a button: an app path ("/verify?token=…") or an absolute URL on AUTH_URL. */
  buttonUrl?: string;
  /** Values shown in a box whatever the customised text says. */
  details?: Partial<Record<EmailDetailKey, string>>;
};

const detailOrder: readonly EmailDetailKey[] = ["username", "temporaryPassword", "code", "message", "comment"];
const typedDetails: ReadonlySet<EmailDetailKey> = new Set(["username", "temporaryPassword", "code"]);

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
 * Resolves, fills, renders and enqueues one message of any template; returns the outbox id. For the
 * `sendX` functions in this file (and tests); domain code calls those, which name their arguments.
 * Throws if the organisation does not exist, a button URL is missing or points outside the app.
 */
export async function sendTemplate<T extends EmailTemplate>(tx: DbOrTx, input: SendTemplateInput<T>): Promise<string> {
  const definition = emailTemplates[input.template];
  if (definition.hasButton && !input.buttonUrl) throw new Error(`Template ${input.template} needs a buttonUrl`);
  const resolved = await resolveEmailTexts(tx, { tenantId: input.tenantId, template: input.template, locale: input.locale });
  const organisationName = resolved.organisationName ?? "Ploeg";
  // Omit<…> plus the one omitted key is the full set; TypeScript cannot prove that for a generic T.
  const values = { ...input.values, organisatie: organisationName } as PlaceholderValues<T>;
  const texts = renderEmailTexts(input.template, resolved.texts, values);
  const buttonUrl = definition.hasButton && input.buttonUrl ? toAppUrl(input.buttonUrl) : null;
  const details = buildDetails(resolved.locale, input.details ?? {});

  let email: ReactElement;
  if (input.template === "sign-in-link" && buttonUrl) {
    email = createElement(SignInLinkEmail, { locale: resolved.locale, organisationName, texts, signInUrl: buttonUrl, details });
  } else {
    // Member buttons sign in (or reset a password): forwarding the mail hands that power to someone else.
    const footerNote = buttonUrl && definition.audience === "member" ? layoutTexts[resolved.locale].doNotForward : undefined;
    email = createElement(NoticeEmail, { locale: resolved.locale, organisationName, texts, buttonUrl, details, footerNote });
  }

  return enqueueMail(tx, {
    tenantId: input.tenantId,
    personId: input.to.personId ?? null,
    template: input.template,
    to: { address: input.to.address, name: input.to.name ?? null },
    subject: texts.subject,
    email,
  });
}

type MemberRecipient = { id: string; firstName: string; email: string };

/**
 * A coordinator sends a member a sign-in link: `url` carries the 7-day access token. Written in `tx`;
 * call `deliverAfterCommit([id])` after commit. Returns the outbox id.
 */
export async function sendSignInLink(
  tx: DbOrTx,
  input: { tenantId: string; person: MemberRecipient; username: string; url: string; locale?: EmailLocale },
): Promise<string> {
  return sendTemplate(tx, {
    tenantId: input.tenantId,
    template: "sign-in-link",
    to: { address: input.person.email, name: input.person.firstName, personId: input.person.id },
    locale: input.locale,
    values: { voornaam: input.person.firstName, gebruikersnaam: input.username },
    buttonUrl: input.url,
  });
}
