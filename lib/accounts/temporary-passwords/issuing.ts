// Issuing temporary passwords: to one member by the invitation email ("save and send password"), and in
// bulk to a selection, a group or everyone (optionally only who never signed in), either by email or for
// an export the coordinator downloads once. One transaction per call: the passwords, the end of the old
// password, sessions and links, the invitation mails and the audit rows commit together or not at all.
import { inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/lib/db/client";
import { authSessions, users } from "@/lib/db/schema/accounts";
import { generateTemporaryPassword } from "@/lib/tenancy/provisioning";
import { hashTemporaryPassword } from "@/lib/accounts/passwords/hashing";
import { temporaryPasswordExpiresAt } from "@/lib/accounts/rules";
import { revokeAccessTokensOfAccounts } from "@/lib/accounts/links/sign-in-links";
import type { AccessTarget } from "@/lib/accounts/blocking/schemas";
import { assertCoordinatorOf, auditVia, confirmationRefusal, previewOf, resolveBulkTarget, type BulkActorRef } from "@/lib/accounts/bulk-targets";
import { sendToMany } from "@/lib/mail/fan-out";
import { toEmailLocale, type EmailLocale } from "@/lib/mail/registry";
import { formatPersonName } from "@/lib/people/names";
import { recordAudit } from "@/lib/tenancy/audit";
import {
  planTemporaryPasswords,
  temporarySkipKeys,
  type TemporaryPasswordDelivery,
  type TemporaryPasswordSubject,
  type TemporarySkipReason,
} from "@/lib/accounts/temporary-passwords/rules";

/** Why nothing happened, as a key of the "temporaryPasswords.errors" texts. */
export type TemporaryPasswordRefusal =
  | "unknownPeople"
  | "unknownGroup"
  | "nobodyAffected"
  | "countChanged"
  | "noLogin"
  | "notActivated"
  | "blocked"
  | "self"
  | "adminOnly"
  | "signedInBefore"
  | "noEmail";

export type TemporarySkipped = Partial<Record<TemporarySkipReason, number>>;

export type TemporaryPasswordPreview =
  | { outcome: "preview"; affected: number; names: string[]; skipped: TemporarySkipped; groupName: string | null }
  | { outcome: "refused"; reason: TemporaryPasswordRefusal };

export type TemporaryPasswordResult =
  | { outcome: "done"; issued: number; emailed: number; skipped: TemporarySkipped }
  | { outcome: "refused"; reason: TemporaryPasswordRefusal; count?: number; skipped?: TemporarySkipped };

/** A result for the page plus the outbox ids to deliver once the transaction has committed. */
export type TemporaryPasswordMailing = { result: TemporaryPasswordResult; mailIds: string[] };

/** One line of the export: shown once in the downloaded file, never stored in plain text. */
export type IssuedTemporaryPassword = { personId: string; name: string; username: string; email: string; temporaryPassword: string };

export type TemporaryPasswordExport = { result: TemporaryPasswordResult; rows: IssuedTemporaryPassword[] };

export type TemporaryPasswordRequestInput = { target: AccessTarget; delivery: TemporaryPasswordDelivery; onlyNeverSignedIn: boolean };

/** Names temporary passwords in the defence-in-depth error. */
const FEATURE = "Temporary passwords";
/** Rows per UPDATE … FROM (VALUES …): two parameters each, well under Postgres's 65,535. */
const UPDATE_CHUNK = 1_000;

/** For one named person, the skip reason becomes the refusal the coordinator reads. */
const singleSkipRefusal: Record<TemporarySkipReason, TemporaryPasswordRefusal> = temporarySkipKeys;

type Candidate = TemporaryPasswordSubject & {
  firstName: string;
  infix: string | null;
  lastName: string;
  userId: string | null;
  username: string | null;
  locale: EmailLocale | undefined;
};

/** The people a target names (lib/accounts/bulk-targets.ts), with their login as the temporary-password rules read it. */
async function resolveCandidates(
  db: DbOrTx,
  tenantId: string,
  target: AccessTarget,
): Promise<{ ok: true; candidates: Candidate[]; groupName: string | null } | { ok: false; reason: TemporaryPasswordRefusal }> {
  const resolved = await resolveBulkTarget(db, tenantId, target);
  if (!resolved.ok) return resolved;
  const candidates = resolved.rows.map(
    (row): Candidate => ({
      personId: row.personId,
      role: row.role,
      email: row.email,
      firstName: row.firstName,
      infix: row.infix,
      lastName: row.lastName,
      userId: row.userId,
      username: row.username,
      locale: row.locale ? toEmailLocale(row.locale) : undefined,
      login: row.userId && row.status ? { status: row.status, loginCount: row.loginCount ?? 0 } : null,
    }),
  );
  return { ok: true, candidates, groupName: resolved.groupName };
}

type Planned = { candidates: Candidate[]; affected: Candidate[]; skipped: TemporarySkipped; groupName: string | null };

async function planFor(
  db: DbOrTx,
  tenantId: string,
  actor: BulkActorRef,
  input: TemporaryPasswordRequestInput,
): Promise<{ ok: true; plan: Planned } | { ok: false; result: TemporaryPasswordResult }> {
  const resolved = await resolveCandidates(db, tenantId, input.target);
  if (!resolved.ok) return { ok: false, result: { outcome: "refused", reason: resolved.reason } };
  const plan = planTemporaryPasswords(resolved.candidates, { delivery: input.delivery, onlyNeverSignedIn: input.onlyNeverSignedIn, actor });
  if (plan.affected.length === 0) {
    if (input.target.kind === "person") {
      const reason = (Object.keys(plan.skipped) as TemporarySkipReason[])[0];
      return { ok: false, result: { outcome: "refused", reason: reason ? singleSkipRefusal[reason] : "unknownPeople" } };
    }
    return { ok: false, result: { outcome: "refused", reason: "nobodyAffected", skipped: plan.skipped } };
  }
  return { ok: true, plan: { candidates: resolved.candidates, affected: plan.affected, skipped: plan.skipped, groupName: resolved.groupName } };
}

/** Counts who a reset would affect and who it skips, for the confirmation step. Changes nothing. */
export async function previewTemporaryPasswords(
  tenantId: string,
  actor: BulkActorRef,
  input: TemporaryPasswordRequestInput,
): Promise<TemporaryPasswordPreview> {
  assertCoordinatorOf(tenantId, actor, FEATURE);
  const planned = await planFor(await getDb(), tenantId, actor, input);
  if (!planned.ok) {
    const result = planned.result;
    return { outcome: "refused", reason: result.outcome === "refused" ? result.reason : "nobodyAffected" };
  }
  const { affected, skipped, groupName } = planned.plan;
  return previewOf(affected, skipped, groupName);
}

type Applied = { person: Candidate & { userId: string; username: string }; temporaryPassword: string };

/**
 * Gives every affected account a new server-generated temporary password in `tx`: stored as a keyed
 * HMAC (lib/accounts/passwords/hashing.ts), valid once for 14 days, with a forced change at first sign-in.
 * The old password stops working with the new hash; the session version is bumped and the stored
 * sessions deleted, so every open session ends; every sign-in link, reset link and half-finished
 * two-factor sign-in is revoked; a lock from wrong guesses of the old password is lifted. An account
 * blocked or deactivated since it was read is left alone (the UPDATE re-checks the status).
 */
async function applyTemporaryPasswords(tx: Tx, tenantId: string, affected: readonly Candidate[], now: Date): Promise<Applied[]> {
  const issued = affected.flatMap((person) =>
    person.userId && person.username ? [{ person: { ...person, userId: person.userId, username: person.username }, temporaryPassword: generateTemporaryPassword() }] : [],
  );
  const expiresAt = temporaryPasswordExpiresAt(now);
  const changed = new Set<string>();
  for (let start = 0; start < issued.length; start += UPDATE_CHUNK) {
    const chunk = issued.slice(start, start + UPDATE_CHUNK);
    const values = sql.join(
      chunk.map((entry) => sql`(${entry.person.userId}::uuid, ${hashTemporaryPassword(entry.temporaryPassword)})`),
      sql`, `,
    );
    const rows = await tx.execute<{ id: string }>(sql`
      update ${users} set
        password_hash = issued.hash,
        must_change_password = true,
        temporary_password_expires_at = ${expiresAt.toISOString()}::timestamptz,
        temporary_password_used_at = null,
        session_version = ${users.sessionVersion} + 1,
        failed_password_count = 0,
        locked_at = null,
        updated_at = ${now.toISOString()}::timestamptz
      from (values ${values}) as issued(id, hash)
      where ${users.id} = issued.id and ${users.tenantId} = ${tenantId} and ${users.status} = 'active'
      returning ${users.id} as id`);
    for (const row of rowsOf<{ id: string }>(rows)) changed.add(row.id);
  }
  const applied = issued.filter((entry) => changed.has(entry.person.userId));
  const userIds = applied.map((entry) => entry.person.userId);
  for (let start = 0; start < userIds.length; start += UPDATE_CHUNK) {
    const chunk = userIds.slice(start, start + UPDATE_CHUNK);
    await tx.delete(authSessions).where(inArray(authSessions.userId, chunk));
    await revokeAccessTokensOfAccounts(tx, chunk, now);
  }
  return applied;
}

/** The rows of `execute`, whichever driver answered (pg and neon return `{ rows }`, PGlite too). */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** The plan is never empty here (planFor refused that), so the only refusal left is a changed count. */
function checkCount(planned: Planned, expectedCount: number): TemporaryPasswordResult | null {
  return confirmationRefusal(planned.affected.length, expectedCount, planned.skipped);
}

/**
 * Writes the invitation with username and temporary password for each applied account; `batch` marks a
 * bulk reset as one mailing. The button opens the sign-in page without a token: the temporary password
 * is the credential.
 */
async function mailInvitations(tx: Tx, tenantId: string, applied: readonly Applied[], batch: boolean): Promise<string[]> {
  const { mailIds } = await sendToMany(tx, {
    tenantId,
    template: "invitation",
    batch,
    recipients: applied.flatMap(({ person, temporaryPassword }) => {
      const email = person.email?.trim();
      if (!email) return [];
      return [
        {
          personId: person.personId,
          email,
          name: person.firstName,
          locale: person.locale,
          buttonPath: "/sign-in",
          values: { voornaam: person.firstName, gebruikersnaam: person.username },
          details: { username: person.username, temporaryPassword },
        },
      ];
    }),
  });
  return mailIds;
}

/**
 * "Reset passwords and send email": a temporary password and the organisation's invitation email for
 * every active account of the target (people without an email address are skipped), all in one
 * transaction. Refuses, changing nothing, when the confirmed count no longer matches.
 */
export async function resetAndEmailTemporaryPasswords(
  tenantId: string,
  actor: BulkActorRef,
  input: Omit<TemporaryPasswordRequestInput, "delivery"> & { expectedCount: number },
  now: Date = new Date(),
): Promise<TemporaryPasswordMailing> {
  assertCoordinatorOf(tenantId, actor, FEATURE);
  const request = { ...input, delivery: "email" as const };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const planned = await planFor(tx, tenantId, actor, request);
    if (!planned.ok) return { result: planned.result, mailIds: [] };
    const changedCount = checkCount(planned.plan, input.expectedCount);
    if (changedCount) return { result: changedCount, mailIds: [] };
    const applied = await applyTemporaryPasswords(tx, tenantId, planned.plan.affected, now);
    const mailIds = await mailInvitations(tx, tenantId, applied, input.target.kind !== "person");
    await recordAudit(tx, {
      tenantId,
      actorUserId: actor.userId,
      action: input.target.kind === "person" ? "account.temporary-password-sent" : "logins.reset",
      targetPersonId: input.target.kind === "person" ? input.target.personId : null,
      details: {
        ...auditVia(input.target, planned.plan.groupName),
        delivery: "email",
        onlyNeverSignedIn: input.onlyNeverSignedIn,
        issued: applied.length,
        emailed: mailIds.length,
        skipped: planned.plan.skipped,
      },
    });
    return { result: { outcome: "done", issued: applied.length, emailed: mailIds.length, skipped: planned.plan.skipped }, mailIds };
  });
}

/** "Save and send password" for one member: a temporary password by the invitation email. */
export function sendTemporaryPasswordTo(tenantId: string, actor: BulkActorRef, personId: string, now: Date = new Date()): Promise<TemporaryPasswordMailing> {
  return resetAndEmailTemporaryPasswords(tenantId, actor, { target: { kind: "person", personId }, onlyNeverSignedIn: false, expectedCount: 1 }, now);
}

/**
 * "Reset passwords and export": temporary passwords for every active account of the target, returned
 * to the caller to stream into the file once; they are never stored in plain text. Audited as
 * `logins.exported` with who (the actor), when (the row's time) and how many.
 */
export async function resetForExport(
  tenantId: string,
  actor: BulkActorRef,
  input: Omit<TemporaryPasswordRequestInput, "delivery"> & { expectedCount: number; format: "xlsx" | "csv" },
  now: Date = new Date(),
): Promise<TemporaryPasswordExport> {
  assertCoordinatorOf(tenantId, actor, FEATURE);
  const request = { ...input, delivery: "export" as const };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const planned = await planFor(tx, tenantId, actor, request);
    if (!planned.ok) return { result: planned.result, rows: [] };
    const changedCount = checkCount(planned.plan, input.expectedCount);
    if (changedCount) return { result: changedCount, rows: [] };
    const applied = await applyTemporaryPasswords(tx, tenantId, planned.plan.affected, now);
    await recordAudit(tx, {
      tenantId,
      actorUserId: actor.userId,
      action: "logins.exported",
      details: {
        ...auditVia(input.target, planned.plan.groupName),
        format: input.format,
        onlyNeverSignedIn: input.onlyNeverSignedIn,
        count: applied.length,
        skipped: planned.plan.skipped,
      },
    });
    const rows = applied.map(({ person, temporaryPassword }) => ({
      personId: person.personId,
      name: formatPersonName(person),
      username: person.username,
      email: person.email?.trim() ?? "",
      temporaryPassword,
    }));
    return { result: { outcome: "done", issued: applied.length, emailed: 0, skipped: planned.plan.skipped }, rows };
  });
}
