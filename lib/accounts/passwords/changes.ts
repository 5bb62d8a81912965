// Setting a password (reset link, first login, own change). A temporary password's once-only use is
// claimed where a password sign-in is granted (lib/accounts/sign-in/password-sign-in.ts).
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { accessTokens, users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { isEmailLocale, type EmailLocale } from "@/lib/mail/registry";
import { revokeAccessTokens } from "@/lib/accounts/links/sign-in-links";
import type { PasswordContext } from "@/lib/accounts/rules";
import { generateToken, hashToken } from "@/lib/accounts/links/tokens";

/** The account as password rules and account emails need it. */
export type AccountProfile = {
  userId: string;
  tenantId: string | null;
  personId: string | null;
  username: string;
  status: "pending" | "active" | "blocked";
  hasPassword: boolean;
  mustChangePassword: boolean;
  firstName: string;
  /** The person's address; for a provider admin without a person, the login's own. */
  email: string | null;
  locale: EmailLocale | undefined;
  passwordContext: PasswordContext;
};

export async function getAccountProfile(db: DbOrTx, userId: string): Promise<AccountProfile | null> {
  const [row] = await db
    .select({
      userId: users.id,
      tenantId: users.tenantId,
      personId: users.personId,
      username: users.username,
      status: users.status,
      passwordHash: users.passwordHash,
      mustChangePassword: users.mustChangePassword,
      loginName: users.name,
      loginEmail: users.email,
      locale: users.locale,
      firstName: people.firstName,
      infix: people.infix,
      lastName: people.lastName,
      personEmail: people.email,
    })
    .from(users)
    .leftJoin(people, eq(people.id, users.personId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  const email = row.personId ? row.personEmail : row.loginEmail;
  return {
    userId: row.userId,
    tenantId: row.tenantId,
    personId: row.personId,
    username: row.username,
    status: row.status,
    hasPassword: row.passwordHash !== null,
    mustChangePassword: row.mustChangePassword,
    firstName: row.firstName ?? row.loginName?.split(" ")[0] ?? row.username,
    email: email?.trim() || null,
    locale: isEmailLocale(row.locale) ? row.locale : undefined,
    passwordContext: {
      username: row.username,
      names: [row.firstName, row.infix, row.lastName, row.loginName],
      email,
    },
  };
}

/**
 * Stores a new password chosen by the member, in the caller's transaction: unlocks password sign-in,
 * ends the forced change and any temporary password, bumps the session version (every open session
 * ends) and revokes every link and pending two-factor sign-in. `passwordHash` is hashed beforehand,
 * outside the transaction. Returns false when the account is not active.
 */
export async function storeChosenPassword(tx: DbOrTx, input: { userId: string; passwordHash: string }, now: Date): Promise<boolean> {
  const [updated] = await tx
    .update(users)
    .set({
      passwordHash: input.passwordHash,
      mustChangePassword: false,
      temporaryPasswordExpiresAt: null,
      temporaryPasswordUsedAt: null,
      lockedAt: null,
      failedPasswordCount: 0,
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: now,
    })
    .where(and(eq(users.id, input.userId), eq(users.status, "active")))
    .returning({ id: users.id });
  if (!updated) return false;
  await revokeAccessTokens(tx, input.userId, now);
  return true;
}

const LOGIN_TICKET_SECONDS = 60;

/**
 * A login ticket for a member who is already fully signed in and just changed their password: their
 * session version moved on, so the current browser gets a fresh session without being asked again.
 */
export async function issueReplacementTicket(tx: DbOrTx, input: { userId: string; tenantId: string | null }, now: Date): Promise<string> {
  const ticket = generateToken();
  await tx.insert(accessTokens).values({
    userId: input.userId,
    tenantId: input.tenantId,
    purpose: "login_ticket",
    tokenHash: hashToken(ticket),
    expiresAt: new Date(now.getTime() + LOGIN_TICKET_SECONDS * 1000),
  });
  return ticket;
}
