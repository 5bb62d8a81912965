// Creating logins in bulk: a preview proposing a unique username per person, then the confirmed
// usernames written in one transaction as pending logins (not yet activated, no password, no email).
import { getDb, type DbOrTx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import type { Role } from "@/lib/db/schema/people";
import { assertCoordinatorOf } from "@/lib/accounts/bulk-targets";
import { checkUsername, normaliseUsername } from "@/lib/accounts/rules";
import { formatPersonName } from "@/lib/people/names";
import { recordAudit } from "@/lib/tenancy/audit";
import type { AccessTarget } from "@/lib/accounts/blocking/schemas";
import {
  allocateUsernames,
  checkChosenUsernames,
  creationEligibility,
  deriveUsername,
  planLogins,
  type LoginSkipped,
  type LoginUsernameProblem,
} from "@/lib/accounts/logins/rules";
import { listLoginCandidates, listTakenUsernames, listTakenUsernamesLike, type LoginCandidate } from "@/lib/accounts/logins/queries";

/** Who is acting; an Actor can be passed as is. */
export type LoginActorRef = { userId: string; tenantId: string; role: Role };

/** Why nothing happened, as a key of the "logins.errors" texts. */
export type LoginRefusal = "unknownPeople" | "unknownGroup" | "nobodyAffected" | "countChanged";

export type LoginProposal = { personId: string; name: string; email: string; username: string };

export type LoginPreview =
  | { outcome: "preview"; proposals: LoginProposal[]; skipped: LoginSkipped; groupName: string | null }
  | { outcome: "refused"; reason: LoginRefusal };

export type CreateLoginsResult =
  | { outcome: "done"; created: number; skipped: LoginSkipped }
  /** Nothing was written: these rows need another username. */
  | { outcome: "usernameProblems"; problems: { personId: string; username: string; problem: LoginUsernameProblem }[] }
  | { outcome: "refused"; reason: LoginRefusal; count?: number };

/** Names logins in the defence-in-depth error. */
const FEATURE = "Logins";

async function planCreation(db: DbOrTx, tenantId: string, actor: LoginActorRef, target: AccessTarget, today: string) {
  const resolved = await listLoginCandidates(db, tenantId, target);
  if (!resolved.ok) return resolved;
  const plan = planLogins(resolved.candidates, (subject) => creationEligibility(subject, actor.role, today));
  return { ok: true as const, ...plan, groupName: resolved.groupName };
}

/**
 * Proposes a username for everyone in the target who gets a login (members with an email address and
 * no login who have not left), unique across the installation and within the batch, and counts the
 * others by reason. Writes nothing.
 */
export async function previewLogins(tenantId: string, actor: LoginActorRef, target: AccessTarget, today: string): Promise<LoginPreview> {
  assertCoordinatorOf(tenantId, actor, FEATURE);
  const db = await getDb();
  const plan = await planCreation(db, tenantId, actor, target, today);
  if (!plan.ok) return { outcome: "refused", reason: plan.reason };
  const bases = plan.affected.map(deriveUsername);
  const usernames = allocateUsernames(bases, await listTakenUsernamesLike(db, bases));
  return {
    outcome: "preview",
    proposals: plan.affected.map((person, index) => ({
      personId: person.personId,
      name: formatPersonName(person),
      email: person.email?.trim() ?? "",
      username: usernames[index],
    })),
    skipped: plan.skipped,
    groupName: plan.groupName,
  };
}

/** Postgres reports a unique-index conflict as SQLSTATE 23505, possibly wrapped by the driver or Drizzle. */
function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current === "object" && "code" in current && current.code === "23505") return true;
    current = typeof current === "object" && "cause" in current ? current.cause : undefined;
  }
  return false;
}

type Chosen = { personId: string; username: string };

/**
 * Creates the confirmed logins in one transaction, as pending (not activated, no password), and audits
 * `logins.created` with the count. The confirmed rows must be exactly the people the target still
 * gets a login for (else "countChanged" and nothing happens); every username is checked again, and a
 * username taken meanwhile, even by a racing transaction, is reported with nothing written. No email
 * is sent: members hear of their login when a coordinator sends a password or link.
 */
export async function createLogins(
  tenantId: string,
  actor: LoginActorRef,
  input: { target: AccessTarget; logins: Chosen[] },
  today: string,
  now = new Date(),
): Promise<CreateLoginsResult> {
  assertCoordinatorOf(tenantId, actor, FEATURE);
  const db = await getDb();
  try {
    return await db.transaction(async (tx): Promise<CreateLoginsResult> => {
      const plan = await planCreation(tx, tenantId, actor, input.target, today);
      if (!plan.ok) return { outcome: "refused", reason: plan.reason };
      if (plan.affected.length === 0) return { outcome: "refused", reason: "nobodyAffected" };
      const byPerson = new Map(plan.affected.map((person) => [person.personId, person]));
      const confirmed = new Set(input.logins.map((login) => login.personId));
      if (confirmed.size !== input.logins.length || confirmed.size !== byPerson.size || input.logins.some((login) => !byPerson.has(login.personId))) {
        return { outcome: "refused", reason: "countChanged", count: plan.affected.length };
      }
      const problems = await findUsernameProblems(tx, input.logins);
      if (problems.problems.length > 0) return { outcome: "usernameProblems", problems: problems.problems };
      const rows = input.logins.map((login, index) => {
        const person = byPerson.get(login.personId) as LoginCandidate;
        return {
          tenantId,
          personId: person.personId,
          username: problems.usernames[index],
          status: "pending" as const,
          passwordHash: null,
          name: formatPersonName(person),
          email: person.email?.trim() ?? null,
          createdAt: now,
          updatedAt: now,
        };
      });
      for (let start = 0; start < rows.length; start += 500) await tx.insert(users).values(rows.slice(start, start + 500));
      await recordAudit(tx, {
        tenantId,
        actorUserId: actor.userId,
        action: "logins.created",
        targetPersonId: rows.length === 1 ? rows[0].personId : null,
        details: { count: rows.length, via: input.target.kind, ...(plan.groupName ? { groupName: plan.groupName } : {}) },
      });
      return { outcome: "done", created: rows.length, skipped: plan.skipped };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another transaction took a username or created a login for one of them after our checks.
    const again = await findUsernameProblems(db, input.logins);
    if (again.problems.length > 0) return { outcome: "usernameProblems", problems: again.problems };
    return { outcome: "refused", reason: "countChanged" };
  }
}

async function findUsernameProblems(db: DbOrTx, logins: Chosen[]) {
  const wellFormed = logins.map((login) => normaliseUsername(login.username)).filter((username) => checkUsername(username) === null);
  const { usernames, problems } = checkChosenUsernames(
    logins.map((login) => login.username),
    await listTakenUsernames(db, wellFormed),
  );
  return {
    usernames,
    problems: [...problems].sort(([a], [b]) => a - b).map(([index, problem]) => ({ personId: logins[index].personId, username: usernames[index], problem })),
  };
}
