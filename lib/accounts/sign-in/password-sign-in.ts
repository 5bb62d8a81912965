// Password sign-in: checks the credentials, counts failures towards the lockout, and grants the ticket
// Auth.js redeems (or the second-factor challenge) only while the account is still unlocked.
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { deliverAfterCommit } from "@/lib/mail/outbox";
import { notifyAccountLocked } from "@/lib/accounts/sign-in/lockout";
import { hashPassword, verifyPassword } from "@/lib/accounts/passwords/hashing";
import { getLoginByUsername, recordFailedPassword, type LoginCandidate } from "@/lib/accounts/queries";
import { checkTemporaryPassword } from "@/lib/accounts/rules";
import { openFirstFactorStep, type FirstFactorOutcome } from "@/lib/accounts/two-factor/two-factor";
import type { PasswordSignInInput } from "@/lib/accounts/sign-in/schemas";

/**
 * "invalid" is the one answer for an unknown username, a wrong password, a locked and a blocked
 * account alike, so the form never tells a stranger which usernames exist or are locked (the member
 * hears of a lock by email). The others follow the right password only.
 */
export type PasswordCheck =
  | ({ ok: true } & FirstFactorOutcome)
  | { ok: false; reason: "invalid" | "temporaryUsed" | "temporaryExpired" | "secondFactorUnavailable" };

const invalid = { ok: false, reason: "invalid" } as const;

/**
 * No account has this id. A refusal that has no failure to count counts one against it instead: the
 * same statement as a wrong password on a locked account, so the response time does not tell a right
 * password on a locked or blocked account (or an unknown username) from a wrong one.
 */
const NO_ACCOUNT = "00000000-0000-0000-0000-000000000000";

// Verifying against a real hash when the username is unknown keeps the response time the same,
// so timing does not reveal which usernames exist.
let decoyHash: Promise<string> | undefined;
function getDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy-password-never-used");
  return decoyHash;
}

export type PasswordCheckOptions = {
  /**
   * Runs work the answer must not wait for (the lock notices), e.g. Next's `after`, so the failure that
   * locks an account answers as fast as any other wrong password. Default: run it before answering.
   */
  runAfterAnswer?: (task: () => Promise<void>) => void;
};

export async function checkPassword(
  input: PasswordSignInInput & { destination?: string | null },
  now: Date = new Date(),
  options: PasswordCheckOptions = {},
): Promise<PasswordCheck> {
  const login = await getLoginByUsername(input.username);
  if (!login || !login.passwordHash) {
    await verifyPassword(await getDecoyHash(), input.password);
    await recordFailedPassword(NO_ACCOUNT, 1);
    return invalid;
  }
  const valid = await verifyPassword(login.passwordHash, input.password);
  if (!valid) {
    const failure = await recordFailedPassword(login.userId, login.lockoutThreshold);
    // Exactly one failure per lock reports lockedNow, so the notices go out once. A blocked member
    // already had their notice and cannot act on this one.
    if (failure?.lockedNow && failure.status === "active") {
      const notify = () => sendLockNotices(login.userId);
      if (options.runAfterAnswer) options.runAfterAnswer(notify);
      else await notify();
    }
    return invalid;
  }
  // A locked account stays locked even for the right password, until a coordinator unlocks it or the
  // member completes a password reset. This read is ~100 ms old by now: the grant checks again.
  if (login.lockedAt || login.status !== "active") {
    await recordFailedPassword(NO_ACCOUNT, 1);
    return invalid;
  }
  return grantPasswordSignIn({ ...login, passwordHash: login.passwordHash }, input.destination ?? null, now);
}

/** The lock itself is committed; a notice that cannot be written is reported, never shown to the caller. */
async function sendLockNotices(userId: string): Promise<void> {
  try {
    await notifyAccountLocked(userId);
  } catch (error) {
    console.error(`The account-locked notices could not be written (${error instanceof Error ? error.name : "unknown error"}).`);
  }
}

/** Thrown inside the grant's transaction to undo it and answer with `check`. */
class RefusedGrant extends Error {
  constructor(readonly check: PasswordCheck) {
    super("password sign-in refused at the grant");
  }
}

/**
 * The moment a password sign-in is granted. One conditional UPDATE re-checks, on the newest version
 * of the row, that the account is still active, unlocked and has the password just verified (a
 * failure that locked it, a block or a reset in the meantime wins), and only then resets the count of
 * wrong passwords and claims a temporary password's one use. The ticket (or the challenge) is
 * written in the same transaction, so no session can follow a lock. A required second factor that
 * cannot be asked undoes the whole grant.
 */
async function grantPasswordSignIn(
  login: LoginCandidate & { passwordHash: string },
  destination: string | null,
  now: Date,
): Promise<PasswordCheck> {
  const db = await getDb();
  try {
    const granted = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(users)
        .set({
          failedPasswordCount: 0,
          // A coordinator-set temporary password signs in once, within 14 days, and keeps the forced change on.
          temporaryPasswordUsedAt: sql`case when ${users.temporaryPasswordExpiresAt} is not null then ${now.toISOString()}::timestamptz else ${users.temporaryPasswordUsedAt} end`,
          mustChangePassword: sql`${users.mustChangePassword} or ${users.temporaryPasswordExpiresAt} is not null`,
        })
        .where(
          and(
            eq(users.id, login.userId),
            eq(users.status, "active"),
            isNull(users.lockedAt),
            eq(users.passwordHash, login.passwordHash),
            or(isNull(users.temporaryPasswordExpiresAt), and(isNull(users.temporaryPasswordUsedAt), gt(users.temporaryPasswordExpiresAt, now))),
          ),
        )
        .returning({ id: users.id });
      if (!claimed) throw new RefusedGrant(await explainRefusal(tx, login, now));
      const step = await openFirstFactorStep(tx, { userId: login.userId, via: "password", destination }, now);
      if (step.outcome.kind === "unavailable") throw new RefusedGrant({ ok: false, reason: "secondFactorUnavailable" });
      return { outcome: step.outcome, mailId: step.mailId };
    });
    if (granted.mailId) await deliverAfterCommit([granted.mailId]);
    return { ok: true, ...granted.outcome };
  } catch (error) {
    if (error instanceof RefusedGrant) return error.check;
    throw error;
  }
}

/** Why the grant found nothing to claim: only a temporary password's own state is told apart. */
async function explainRefusal(tx: Tx, login: LoginCandidate & { passwordHash: string }, now: Date): Promise<PasswordCheck> {
  const [state] = await tx
    .select({
      status: users.status,
      lockedAt: users.lockedAt,
      passwordHash: users.passwordHash,
      temporaryPasswordExpiresAt: users.temporaryPasswordExpiresAt,
      temporaryPasswordUsedAt: users.temporaryPasswordUsedAt,
    })
    .from(users)
    .where(eq(users.id, login.userId))
    .limit(1);
  if (!state || state.status !== "active" || state.lockedAt || state.passwordHash !== login.passwordHash) return invalid;
  const temporary = checkTemporaryPassword(state, now);
  if (temporary === "used") return { ok: false, reason: "temporaryUsed" };
  if (temporary === "expired") return { ok: false, reason: "temporaryExpired" };
  return invalid;
}
