// Two-factor sign-in: who owes a second factor, the pending challenge, and the 6-digit email code.
import { randomInt } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/lib/db/client";
import { accessTokens, twoFactorCodes, users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { defaultOrganisationSettings, organisations } from "@/lib/db/schema/tenancy";
import { deliverAfterCommit } from "@/lib/mail/outbox";
import { sendTemplate } from "@/lib/mail/messages";
import { generateToken, hashToken } from "./tokens";

export type SecondFactorMethod = "email" | "totp";
export type FirstFactor = "password" | "link";

/** A pending challenge lives as long as an email code: 10 minutes. */
export const SECOND_FACTOR_MINUTES = 10;
export const EMAIL_CODE_MAX_ATTEMPTS = 5;

export type SecondFactorSubject = {
  userId: string;
  tenantId: string | null;
  role: "member" | "coordinator" | "admin";
  totpEnabled: boolean;
  firstName: string;
  email: string | null;
  personId: string | null;
  settings: { twoFactorForMembers: "off" | "email"; twoFactorForCoordinators: "off" | "email" };
};

/**
 * Which second factor this sign-in owes, if any. An enrolled authenticator app is always asked for,
 * after a password and after a link. The organisation's email-code setting applies to password
 * sign-ins only: a link already proves the member reads that mailbox.
 */
export function chooseSecondFactor(subject: SecondFactorSubject, via: FirstFactor): SecondFactorMethod | null {
  if (subject.totpEnabled) return "totp";
  if (via === "link") return null;
  const setting = subject.role === "member" ? subject.settings.twoFactorForMembers : subject.settings.twoFactorForCoordinators;
  return setting === "email" && subject.email ? "email" : null;
}

async function getSecondFactorSubject(db: DbOrTx, userId: string): Promise<SecondFactorSubject | null> {
  const [row] = await db
    .select({
      userId: users.id,
      tenantId: users.tenantId,
      role: people.role,
      totpEnabledAt: users.totpEnabledAt,
      firstName: people.firstName,
      email: people.email,
      personId: people.id,
      settings: organisations.settings,
    })
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .leftJoin(organisations, eq(organisations.id, users.tenantId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  const settings = row.settings ?? defaultOrganisationSettings;
  return {
    userId: row.userId,
    tenantId: row.tenantId,
    role: row.role ?? "member",
    totpEnabled: row.totpEnabledAt !== null,
    firstName: row.firstName ?? "",
    email: row.email,
    personId: row.personId,
    settings: { twoFactorForMembers: settings.twoFactorForMembers, twoFactorForCoordinators: settings.twoFactorForCoordinators },
  };
}

function generateEmailCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

/** Creates a fresh 6-digit code for the user (older ones stop counting) and emails it, in one transaction. */
export async function sendEmailCode(tx: DbOrTx, subject: SecondFactorSubject, now = new Date()): Promise<string | null> {
  if (!subject.email) return null;
  const code = generateEmailCode();
  await tx.update(twoFactorCodes).set({ consumedAt: now }).where(and(eq(twoFactorCodes.userId, subject.userId)));
  await tx.insert(twoFactorCodes).values({
    userId: subject.userId,
    codeHash: hashToken(`${subject.userId}:${code}`),
    expiresAt: new Date(now.getTime() + SECOND_FACTOR_MINUTES * 60_000),
  });
  return sendTemplate(tx, {
    tenantId: subject.tenantId,
    template: "two-factor-code",
    to: { address: subject.email, name: subject.firstName, personId: subject.personId },
    values: { voornaam: subject.firstName, code },
    details: { code },
  });
}

export type FirstFactorOutcome =
  | { kind: "session"; ticket: string }
  | { kind: "second-factor"; method: SecondFactorMethod; challenge: string };

/**
 * Called when a password or a sign-in link has been accepted. Either issues the single-use ticket that
 * Auth.js redeems for a session, or opens a second-factor challenge (and emails the code) whose token
 * the verify page carries. The destination travels with the challenge.
 */
export async function finishFirstFactor(
  input: { userId: string; via: FirstFactor; destination?: string | null },
  now = new Date(),
): Promise<FirstFactorOutcome> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const subject = await getSecondFactorSubject(tx, input.userId);
    if (!subject) throw new Error("finishFirstFactor: unknown account");
    const method = chooseSecondFactor(subject, input.via);
    const token = generateToken();
    if (!method) {
      await tx.insert(accessTokens).values({
        userId: subject.userId,
        tenantId: subject.tenantId,
        purpose: "login_ticket",
        tokenHash: hashToken(token),
        destination: input.destination ?? null,
        expiresAt: new Date(now.getTime() + 60_000),
      });
      return { outcome: { kind: "session", ticket: token } as const, mailId: null };
    }
    await tx.insert(accessTokens).values({
      userId: subject.userId,
      tenantId: subject.tenantId,
      purpose: "second_factor",
      tokenHash: hashToken(token),
      destination: input.destination ?? null,
      expiresAt: new Date(now.getTime() + SECOND_FACTOR_MINUTES * 60_000),
    });
    const mailId = method === "email" ? await sendEmailCode(tx, subject, now) : null;
    return { outcome: { kind: "second-factor", method, challenge: token } as const, mailId };
  });
  if (outcome.mailId) await deliverAfterCommit([outcome.mailId]);
  return outcome.outcome;
}
