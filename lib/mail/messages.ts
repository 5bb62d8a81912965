// The named senders for single messages, one `sendX` per message: thin wrappers over the fan-out step
// (fan-out.ts), which resolves the texts, renders and writes into the caller's transaction.
import type { DbOrTx } from "@/lib/db/client";
import { sendToMany } from "./fan-out";
import type { EmailDetailKey, EmailLocale, EmailTemplate, PlaceholderValues } from "./registry";

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
  /** Defaults to the language the recipient chose, else the organisation's. */
  locale?: EmailLocale;
  /** Every placeholder of the template except {organisatie}, which comes from the organisation. */
  values: Omit<PlaceholderValues<T>, "organisatie">;
  /** Required for templates with a button: an app path ("/verify?token=…") or an absolute URL on AUTH_URL. */
  buttonUrl?: string;
  /** Values shown in a box whatever the customised text says. */
  details?: Partial<Record<EmailDetailKey, string>>;
  /** An app path of the shift as a calendar file, shown as an "add to calendar" link under the button. */
  calendarUrl?: string;
};

/**
 * One message of any template through the fan-out step; returns the outbox id. For the `sendX`
 * functions in this file (and tests); domain code calls those, or `sendToMany` for many recipients.
 * Throws if the organisation does not exist, a button URL is missing or points outside the app.
 */
export async function sendTemplate<T extends EmailTemplate>(tx: DbOrTx, input: SendTemplateInput<T>): Promise<string> {
  const { mailIds } = await sendToMany(tx, {
    tenantId: input.tenantId,
    template: input.template,
    recipients: [
      {
        personId: input.to.personId ?? null,
        email: input.to.address,
        name: input.to.name ?? null,
        locale: input.locale,
        values: input.values,
        buttonPath: input.buttonUrl,
        details: input.details,
        calendarUrl: input.calendarUrl,
      },
    ],
  });
  return mailIds[0];
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

/** A coordinator resends a member's username, with a fresh 7-day sign-in link (`url`). */
export async function sendUsername(
  tx: DbOrTx,
  input: { tenantId: string; person: MemberRecipient; username: string; url: string; locale?: EmailLocale },
): Promise<string> {
  return sendTemplate(tx, {
    tenantId: input.tenantId,
    template: "username",
    to: { address: input.person.email, name: input.person.firstName, personId: input.person.id },
    locale: input.locale,
    values: { voornaam: input.person.firstName, gebruikersnaam: input.username },
    buttonUrl: input.url,
    details: { username: input.username },
  });
}

/** Who a sign-in message goes to; provider admins belong to no organisation and have no person. */
type SignInRecipient = { id: string | null; firstName: string; email: string };

/**
 * The 6-digit two-factor sign-in code. No button: a sign-in link would skip the step the code is for.
 * Written in `tx`; call `deliverAfterCommit([id])` after commit.
 */
export async function sendTwoFactorCode(
  tx: DbOrTx,
  input: { tenantId: string | null; person: SignInRecipient; code: string; locale?: EmailLocale },
): Promise<string> {
  return sendTemplate(tx, {
    tenantId: input.tenantId,
    template: "two-factor-code",
    to: { address: input.person.email, name: input.person.firstName, personId: input.person.id },
    locale: input.locale,
    values: { voornaam: input.person.firstName, code: input.code },
    details: { code: input.code },
  });
}

/**
 * Password sign-in was locked after too many wrong passwords. The button is a 7-day sign-in link
 * (`url`), like every member email's: it proves the mailbox, which is what a reset link proves too.
 * Written in `tx`; call `deliverAfterCommit([id])` after commit.
 */
export async function sendAccountLocked(
  tx: DbOrTx,
  input: { tenantId: string | null; person: SignInRecipient; username: string; url: string; locale?: EmailLocale },
): Promise<string> {
  return sendTemplate(tx, {
    tenantId: input.tenantId,
    template: "account-locked",
    to: { address: input.person.email, name: input.person.firstName, personId: input.person.id },
    locale: input.locale,
    values: { voornaam: input.person.firstName, gebruikersnaam: input.username },
    buttonUrl: input.url,
    details: { username: input.username },
  });
}

/**
 * To whoever looks after the member (the coordinator, the group's or the organisation's address): an
 * account was locked. The button opens the people page filtered on locked accounts, after an ordinary
 * sign-in. Written in `tx`; call `deliverAfterCommit([id])` after commit.
 */
export async function sendAccountLockedToCoordinator(
  tx: DbOrTx,
  input: {
    tenantId: string;
    to: { address: string; name: string | null; personId: string | null };
    memberName: string;
    username: string;
    locale?: EmailLocale;
  },
): Promise<string> {
  return sendTemplate(tx, {
    tenantId: input.tenantId,
    template: "account-locked-coordinator",
    to: input.to,
    locale: input.locale,
    values: { naam: input.memberName, gebruikersnaam: input.username },
    buttonUrl: "/dashboard/people?status=locked",
    details: { username: input.username },
  });
}

/**
 * A coordinator removed the member's authenticator app: so a member who did not ask for it hears of
 * it at once. Written in `tx`; call `deliverAfterCommit([id])` after commit.
 */
export async function sendAuthenticatorRemoved(tx: DbOrTx, input: { tenantId: string; person: SignInRecipient; locale?: EmailLocale }): Promise<string> {
  return sendTemplate(tx, {
    tenantId: input.tenantId,
    template: "authenticator-removed",
    to: { address: input.person.email, name: input.person.firstName, personId: input.person.id },
    locale: input.locale,
    values: { voornaam: input.person.firstName },
  });
}

/** Who an account message goes to: a member, or a provider admin without a person record. */
type AccountRecipient = { id: string | null; firstName: string; email: string };

/**
 * Answer to "login opvragen": one email per account on the address, with its username and a fresh
 * 7-day sign-in link (`url`). Written in `tx`; call `deliverAfterCommit([id])` after commit.
 */
export async function sendLoginRequest(
  tx: DbOrTx,
  input: { tenantId: string | null; person: AccountRecipient; username: string; url: string; locale?: EmailLocale },
): Promise<string> {
  return sendTemplate(tx, {
    tenantId: input.tenantId,
    template: "login-request",
    to: { address: input.person.email, name: input.person.firstName, personId: input.person.id },
    locale: input.locale,
    values: { voornaam: input.person.firstName, gebruikersnaam: input.username },
    buttonUrl: input.url,
    details: { username: input.username },
  });
}

/**
 * "Wachtwoord vergeten": a one-time, one-hour link (`url`) to choose a new password. Written in `tx`;
 * call `deliverAfterCommit([id])` after commit.
 */
export async function sendPasswordReset(
  tx: DbOrTx,
  input: { tenantId: string | null; person: AccountRecipient; username: string; url: string; locale?: EmailLocale },
): Promise<string> {
  return sendTemplate(tx, {
    tenantId: input.tenantId,
    template: "password-reset",
    to: { address: input.person.email, name: input.person.firstName, personId: input.person.id },
    locale: input.locale,
    values: { voornaam: input.person.firstName, gebruikersnaam: input.username },
    buttonUrl: input.url,
    details: { username: input.username },
  });
}

/**
 * To whoever is responsible for the shift (its coordinator, the group's or the organisation's
 * address): a member took a shift over. Written in `tx`; call `deliverAfterCommit([id])` after commit.
 */
export async function sendHandoverToCoordinator(
  tx: DbOrTx,
  input: {
    tenantId: string;
    to: { address: string; name: string | null; personId: string | null };
    takerName: string;
    requesterName: string;
    shift: string;
    url: string;
    locale?: EmailLocale;
  },
): Promise<string> {
  return sendTemplate(tx, {
    tenantId: input.tenantId,
    template: "handover-coordinator",
    to: input.to,
    locale: input.locale,
    values: { naam: input.takerName, collega: input.requesterName, dienst: input.shift },
    buttonUrl: input.url,
  });
}
