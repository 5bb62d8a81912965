// Coordinators' control over access: block and unblock (one, a selection, a group, everyone), scheduled
// blocks and their cron run, unlocking a locked account, resending a username and sending a sign-in link. Every change writes
// its audit rows and emails in the same transaction; callers deliver the returned mail after commit.
import { and, eq, inArray, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { organisations } from "@/lib/db/schema/tenancy";
import { sendToMany } from "@/lib/mail/fan-out";
import { sendAuthenticatorRemoved, sendSignInLink, sendUsername } from "@/lib/mail/messages";
import { toEmailLocale, type EmailLocale } from "@/lib/mail/registry";
import { canManageAccountOf } from "@/lib/auth/permissions";
import { personOf } from "@/lib/people/members";
import { recordAudit, type AuditAction, type AuditEntry } from "@/lib/tenancy/audit";
import {
  blockEligibility,
  parseScheduleDate,
  planAccessChange,
  unblockEligibility,
  type AccessSubject,
  type Plan,
  type SkipReason,
} from "@/lib/accounts/blocking/rules";
import type { AccessChangeKind, AccessTarget } from "@/lib/accounts/blocking/schemas";
import { issueSignInLink, revokeAccessTokens } from "@/lib/accounts/links/sign-in-links";
import { assertCoordinatorOf, auditVia, confirmationRefusal, previewOf, resolveBulkTarget, type BulkActorRef } from "@/lib/accounts/bulk-targets";
import { lockAndCountAdmins } from "@/lib/accounts/roles/admins";
import { blockLeavesNoAdmin } from "@/lib/accounts/roles/rules";

/** Why nothing happened, as a key of the "accounts.errors" texts. */
export type AccessRefusal =
  | "unknownPeople"
  | "noAuthenticator"
  | "unknownGroup"
  | "nobodyAffected"
  | "countChanged"
  | "cannotBlockSelf"
  | "alreadyBlocked"
  | "notBlocked"
  | "noLogin"
  | "notActivated"
  | "adminOnly"
  | "dateMalformed"
  | "dateNotInFuture"
  | "notScheduled"
  | "notLocked"
  | "neverSignedIn"
  | "notActive"
  | "noEmail"
  /** The block would leave the organisation without an admin who can sign in. */
  | "lastAdmin";

export type Skipped = Partial<Record<SkipReason, number>>;

export type AccessChangeResult =
  | { outcome: "done"; changed: number; emailed: number; skipped: Skipped }
  | { outcome: "refused"; reason: AccessRefusal; count?: number; skipped?: Skipped };

/** A result for the page plus the outbox ids to deliver once the transaction has committed. */
export type AccessChange = { result: AccessChangeResult; mailIds: string[] };

export type AccessPreview =
  | {
      outcome: "preview";
      change: AccessChangeKind;
      /** How many people the change would affect: the number the coordinator confirms. */
      affected: number;
      /** The first few names, so the confirmation says who, not only how many. */
      names: string[];
      skipped: Skipped;
      /** Affected people without an email address: changed, but not told by email. */
      withoutEmail: number;
      groupName: string | null;
    }
  | { outcome: "refused"; reason: AccessRefusal };

/** Names access changes in the defence-in-depth error. */
const FEATURE = "Access changes";

/** For one named person, the skip reason becomes the refusal the coordinator reads. */
const singleSkipRefusal: Record<SkipReason, AccessRefusal> = {
  self: "cannotBlockSelf",
  "already-blocked": "alreadyBlocked",
  "not-blocked": "notBlocked",
  "no-login": "noLogin",
  "not-activated": "notActivated",
  "admin-only": "adminOnly",
};

export type Candidate = AccessSubject & {
  firstName: string;
  infix: string | null;
  lastName: string;
  email: string | null;
  userId: string | null;
  username: string | null;
  locale: EmailLocale | undefined;
};

/** The people a target names (lib/accounts/bulk-targets.ts), with their login as the blocking rules read it. */
export async function resolveTarget(
  db: DbOrTx,
  tenantId: string,
  target: AccessTarget,
): Promise<{ ok: true; candidates: Candidate[]; groupName: string | null } | { ok: false; reason: AccessRefusal }> {
  const resolved = await resolveBulkTarget(db, tenantId, target);
  if (!resolved.ok) return resolved;
  const candidates = resolved.rows.map((row): Candidate => ({
    personId: row.personId,
    role: row.role,
    endDate: row.endDate,
    firstName: row.firstName,
    infix: row.infix,
    lastName: row.lastName,
    email: row.email,
    userId: row.userId,
    username: row.username,
    locale: row.locale ? toEmailLocale(row.locale) : undefined,
    login:
      row.userId && row.status
        ? {
            status: row.status,
            lockedAt: row.lockedAt,
            loginCount: row.loginCount ?? 0,
            blockedAt: row.blockedAt,
            blockScheduledFor: row.blockScheduledFor,
          }
        : null,
  }));
  return { ok: true, candidates, groupName: resolved.groupName };
}

function planFor(change: AccessChangeKind, actor: BulkActorRef, candidates: Candidate[]): Plan<Candidate> {
  return planAccessChange(candidates, (subject) =>
    change === "block" ? blockEligibility(subject, actor) : unblockEligibility(subject),
  );
}

/** When a plan affects nobody: the specific reason for one person, a general one for a group. */
function emptyPlanRefusal(target: AccessTarget, plan: Plan<Candidate>): AccessChangeResult {
  if (target.kind === "person") {
    const reason = (Object.keys(plan.skipped) as SkipReason[])[0];
    return { outcome: "refused", reason: reason ? singleSkipRefusal[reason] : "unknownPeople" };
  }
  return { outcome: "refused", reason: "nobodyAffected", skipped: plan.skipped };
}

/** Counts who a block or unblock would affect and who it skips, for the confirmation step. Changes nothing. */
export async function previewAccessChange(
  tenantId: string,
  actor: BulkActorRef,
  change: AccessChangeKind,
  target: AccessTarget,
): Promise<AccessPreview> {
  assertCoordinatorOf(tenantId, actor, FEATURE);
  const db = await getDb();
  const resolved = await resolveTarget(db, tenantId, target);
  if (!resolved.ok) return { outcome: "refused", reason: resolved.reason };
  const plan = planFor(change, actor, resolved.candidates);
  return {
    ...previewOf(plan.affected, plan.skipped, resolved.groupName),
    change,
    withoutEmail: plan.affected.filter((person) => !person.email?.trim()).length,
  };
}

/**
 * Blocks every affected login of the target at once: status blocked, the session version bumped (so
 * open sessions die on their next request) and every link revoked; each blocked member with an
 * address gets the blocked-access notice. Refuses, changing nothing, when the confirmed count no
 * longer matches.
 */
export async function blockAccess(
  tenantId: string,
  actor: BulkActorRef,
  input: { target: AccessTarget; expectedCount: number },
  now = new Date(),
): Promise<AccessChange> {
  assertCoordinatorOf(tenantId, actor, FEATURE);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const resolved = await resolveTarget(tx, tenantId, input.target);
    if (!resolved.ok) return { result: { outcome: "refused", reason: resolved.reason }, mailIds: [] };
    const plan = planFor("block", actor, resolved.candidates);
    if (plan.affected.length === 0) return { result: emptyPlanRefusal(input.target, plan), mailIds: [] };
    const refusal = confirmationRefusal(plan.affected.length, input.expectedCount, plan.skipped);
    if (refusal) return { result: refusal, mailIds: [] };
    if (await blockTakesLastAdmin(tx, tenantId, plan.affected)) return { result: { outcome: "refused", reason: "lastAdmin" }, mailIds: [] };
    const blocked = await applyBlock(tx, tenantId, plan.affected, now);
    const mailIds = await notifyBlocked(tx, tenantId, blocked, input.target.kind !== "person");
    await recordAudit(
      tx,
      blocked.map(
        (person): AuditEntry => ({
          tenantId,
          actorUserId: actor.userId,
          action: "account.blocked",
          targetPersonId: person.personId,
          details: { ...auditVia(input.target, resolved.groupName) },
        }),
      ),
    );
    return { result: { outcome: "done", changed: blocked.length, emailed: mailIds.length, skipped: plan.skipped }, mailIds };
  });
}

/**
 * Whether blocking `affected` leaves the organisation without an admin who can sign in. Takes the
 * organisation's admin lock (lib/accounts/roles/admins.ts) when an admin is among them, so a block and
 * a role change racing cannot both take the last admin away.
 */
async function blockTakesLastAdmin(tx: DbOrTx, tenantId: string, affected: Candidate[]): Promise<boolean> {
  const admins = affected.filter((person) => person.role === "admin").map((person) => person.personId);
  if (admins.length === 0) return false;
  return blockLeavesNoAdmin({ blocksAdmins: admins.length, otherAdmins: await lockAndCountAdmins(tx, tenantId, admins) });
}

/**
 * The block itself, guarded by status = 'active' so two coordinators (or the cron job) blocking at
 * once change and email each member only once. Returns the people it really blocked.
 */
async function applyBlock(tx: DbOrTx, tenantId: string, affected: Candidate[], now: Date): Promise<Candidate[]> {
  const userIds = affected.flatMap((person) => (person.userId ? [person.userId] : []));
  if (userIds.length === 0) return [];
  const changed = await tx
    .update(users)
    .set({ status: "blocked", blockedAt: now, blockScheduledFor: null, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
    .where(and(eq(users.tenantId, tenantId), inArray(users.id, userIds), eq(users.status, "active")))
    .returning({ id: users.id });
  const changedIds = changed.map((row) => row.id);
  // Every link and half-finished sign-in dies with the block (PRODUCT.md §2).
  for (const userId of changedIds) await revokeAccessTokens(tx, userId, now);
  const changedSet = new Set(changedIds);
  return affected.filter((person) => person.userId !== null && changedSet.has(person.userId));
}

/** The blocked-access notice to each blocked member with an address; `batch` marks a bulk block as one mailing. */
async function notifyBlocked(tx: DbOrTx, tenantId: string, blocked: Candidate[], batch: boolean): Promise<string[]> {
  const { mailIds } = await sendToMany(tx, {
    tenantId,
    template: "access-blocked",
    batch,
    // No button: every link stopped working with the block.
    recipients: blocked.flatMap((person) => {
      const email = person.email?.trim();
      return email ? [{ personId: person.personId, email, name: person.firstName, locale: person.locale, values: { voornaam: person.firstName } }] : [];
    }),
  });
  return mailIds;
}

/**
 * Unblocks every blocked login of the target: they sign in again with their current username and
 * password (nothing about the credentials changes), and each gets the "you can sign in again" email
 * with a fresh 7-day sign-in link. Refuses, changing nothing, when the confirmed count no longer matches.
 */
export async function unblockAccess(
  tenantId: string,
  actor: BulkActorRef,
  input: { target: AccessTarget; expectedCount: number },
  now = new Date(),
): Promise<AccessChange> {
  assertCoordinatorOf(tenantId, actor, FEATURE);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const resolved = await resolveTarget(tx, tenantId, input.target);
    if (!resolved.ok) return { result: { outcome: "refused", reason: resolved.reason }, mailIds: [] };
    const plan = planFor("unblock", actor, resolved.candidates);
    if (plan.affected.length === 0) return { result: emptyPlanRefusal(input.target, plan), mailIds: [] };
    const refusal = confirmationRefusal(plan.affected.length, input.expectedCount, plan.skipped);
    if (refusal) return { result: refusal, mailIds: [] };
    const userIds = plan.affected.flatMap((person) => (person.userId ? [person.userId] : []));
    const changed = await tx
      .update(users)
      .set({ status: "active", blockedAt: null, blockScheduledFor: null, updatedAt: now })
      .where(and(eq(users.tenantId, tenantId), inArray(users.id, userIds), eq(users.status, "blocked")))
      .returning({ id: users.id });
    const changedSet = new Set(changed.map((row) => row.id));
    const unblocked = plan.affected.filter((person) => person.userId !== null && changedSet.has(person.userId));
    // Each gets a fresh 7-day sign-in link to the home page, beside their username.
    const { mailIds } = await sendToMany(tx, {
      tenantId,
      template: "access-unblocked",
      batch: input.target.kind !== "person",
      now,
      recipients: unblocked.flatMap((person) => {
        const email = person.email?.trim();
        if (!email || !person.userId || !person.username) return [];
        return [
          {
            personId: person.personId,
            email,
            name: person.firstName,
            locale: person.locale,
            userId: person.userId,
            values: { voornaam: person.firstName, gebruikersnaam: person.username },
            details: { username: person.username },
          },
        ];
      }),
    });
    await recordAudit(
      tx,
      unblocked.map(
        (person): AuditEntry => ({
          tenantId,
          actorUserId: actor.userId,
          action: "account.unblocked",
          targetPersonId: person.personId,
          details: { ...auditVia(input.target, resolved.groupName) },
        }),
      ),
    );
    return { result: { outcome: "done", changed: unblocked.length, emailed: mailIds.length, skipped: plan.skipped }, mailIds };
  });
}

/**
 * Schedules a block for 00:00 of `date` in the organisation's zone (for members who are leaving).
 * The member keeps access until then; `runScheduledBlocks` carries it out. Nobody is emailed now.
 */
export async function scheduleBlock(
  tenantId: string,
  actor: BulkActorRef,
  input: { target: Extract<AccessTarget, { kind: "person" | "selection" }>; date: string },
  now = new Date(),
): Promise<AccessChange> {
  assertCoordinatorOf(tenantId, actor, FEATURE);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [organisation] = await tx
      .select({ timeZone: organisations.timeZone })
      .from(organisations)
      .where(eq(organisations.id, tenantId));
    if (!organisation) throw new Error("scheduleBlock: unknown organisation");
    const when = parseScheduleDate(input.date, organisation.timeZone, now);
    if (!when.ok) return { result: { outcome: "refused", reason: when.reason === "malformed" ? "dateMalformed" : "dateNotInFuture" }, mailIds: [] };
    const resolved = await resolveTarget(tx, tenantId, input.target);
    if (!resolved.ok) return { result: { outcome: "refused", reason: resolved.reason }, mailIds: [] };
    const plan = planFor("block", actor, resolved.candidates);
    if (plan.affected.length === 0) return { result: emptyPlanRefusal(input.target, plan), mailIds: [] };
    const userIds = plan.affected.flatMap((person) => (person.userId ? [person.userId] : []));
    const changed = await tx
      .update(users)
      .set({ blockScheduledFor: when.at, updatedAt: now })
      .where(and(eq(users.tenantId, tenantId), inArray(users.id, userIds), eq(users.status, "active")))
      .returning({ id: users.id });
    const changedSet = new Set(changed.map((row) => row.id));
    const scheduled = plan.affected.filter((person) => person.userId !== null && changedSet.has(person.userId));
    await recordAudit(
      tx,
      scheduled.map(
        (person): AuditEntry => ({
          tenantId,
          actorUserId: actor.userId,
          action: "account.block-scheduled",
          targetPersonId: person.personId,
          details: { scheduledFor: when.date, ...auditVia(input.target, null) },
        }),
      ),
    );
    return { result: { outcome: "done", changed: scheduled.length, emailed: 0, skipped: plan.skipped }, mailIds: [] };
  });
}

/** Cancels one person's scheduled block; their access stays as it is. */
export async function cancelScheduledBlock(
  tenantId: string,
  actor: BulkActorRef,
  personId: string,
  now = new Date(),
): Promise<AccessChange> {
  assertCoordinatorOf(tenantId, actor, FEATURE);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const resolved = await resolveTarget(tx, tenantId, { kind: "person", personId });
    if (!resolved.ok) return { result: { outcome: "refused", reason: resolved.reason }, mailIds: [] };
    const [person] = resolved.candidates;
    if (!person.userId) return { result: { outcome: "refused", reason: "noLogin" }, mailIds: [] };
    const [changed] = await tx
      .update(users)
      .set({ blockScheduledFor: null, updatedAt: now })
      .where(and(eq(users.tenantId, tenantId), eq(users.id, person.userId), isNotNull(users.blockScheduledFor)))
      .returning({ id: users.id });
    if (!changed) return { result: { outcome: "refused", reason: "notScheduled" }, mailIds: [] };
    await recordAudit(tx, {
      tenantId,
      actorUserId: actor.userId,
      action: "account.block-schedule-cancelled",
      targetPersonId: person.personId,
      details: { scheduledFor: person.login?.blockScheduledFor?.toISOString() ?? null },
    });
    return { result: { outcome: "done", changed: 1, emailed: 0, skipped: {} }, mailIds: [] };
  });
}

/**
 * Clears something set on one person's login (a lock, an authenticator app) when it is set: resolves
 * the person in the tenant, applies `values` only where `isSet` holds, and audits the change.
 */
async function clearOnLogin(
  tenantId: string,
  actor: BulkActorRef,
  personId: string,
  change: {
    values: Partial<typeof users.$inferInsert>;
    isSet: SQL;
    notSet: AccessRefusal;
    audit: AuditAction;
    adminsByAdminsOnly: boolean;
    /** Tells the person, in the same transaction; returns the outbox ids. */
    notify?: (tx: DbOrTx, person: Candidate) => Promise<string[]>;
  },
): Promise<AccessChange> {
  assertCoordinatorOf(tenantId, actor, FEATURE);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const resolved = await resolveTarget(tx, tenantId, { kind: "person", personId });
    if (!resolved.ok) return { result: { outcome: "refused", reason: resolved.reason }, mailIds: [] };
    const [person] = resolved.candidates;
    if (!person.userId) return { result: { outcome: "refused", reason: "noLogin" }, mailIds: [] };
    if (change.adminsByAdminsOnly && !canManageAccountOf(actor.role, person.role)) return { result: { outcome: "refused", reason: "adminOnly" }, mailIds: [] };
    const [changed] = await tx
      .update(users)
      .set(change.values)
      .where(and(eq(users.tenantId, tenantId), eq(users.id, person.userId), change.isSet))
      .returning({ id: users.id });
    if (!changed) return { result: { outcome: "refused", reason: change.notSet }, mailIds: [] };
    await recordAudit(tx, { tenantId, actorUserId: actor.userId, action: change.audit, targetPersonId: person.personId });
    const mailIds = change.notify ? await change.notify(tx, person) : [];
    return { result: { outcome: "done", changed: 1, emailed: mailIds.length, skipped: {} }, mailIds };
  });
}

/**
 * Reopens password sign-in for a locked account (PRODUCT.md §2 lockout): the lock and the count of
 * wrong passwords are cleared; the password itself stays the same.
 */
export function unlockAccount(tenantId: string, actor: BulkActorRef, personId: string, now = new Date()): Promise<AccessChange> {
  return clearOnLogin(tenantId, actor, personId, {
    values: { lockedAt: null, failedPasswordCount: 0, updatedAt: now },
    isSet: isNotNull(users.lockedAt),
    notSet: "notLocked",
    audit: "account.unlocked",
    adminsByAdminsOnly: false,
  });
}

/**
 * Removes a member's authenticator app (a lost or replaced phone): from their next sign-in they get
 * the organisation's usual second step again (an email code, or none), and they can enrol a new app
 * on Mijn account. Only an admin may do this for an admin. Audited, and the member is told by email
 * (someone who did not ask for it learns at once that their second factor is gone).
 */
export function resetAuthenticator(tenantId: string, actor: BulkActorRef, personId: string, now = new Date()): Promise<AccessChange> {
  return clearOnLogin(tenantId, actor, personId, {
    values: { totpSecret: null, totpEnabledAt: null, updatedAt: now },
    isSet: isNotNull(users.totpEnabledAt),
    notSet: "noAuthenticator",
    audit: "account.authenticator-reset",
    adminsByAdminsOnly: true,
    notify: async (tx, person) => {
      const email = person.email?.trim();
      if (!email) return [];
      return [await sendAuthenticatorRemoved(tx, { tenantId, person: { id: person.personId, firstName: person.firstName, email }, locale: person.locale })];
    },
  });
}

/**
 * Emails a member their username with a fresh sign-in link. Only for active logins that have signed in
 * at least once (PRODUCT.md §2); a login that never did needs an invitation, not a reminder.
 */
export async function resendUsername(tenantId: string, actor: BulkActorRef, personId: string, now = new Date()): Promise<AccessChange> {
  return mailFreshSignInLink(tenantId, actor, personId, now, {
    onlyAfterFirstSignIn: true,
    send: sendUsername,
    action: "account.username-sent",
  });
}

/**
 * A coordinator sends a member a fresh 7-day sign-in link (the member lost theirs, or never found the
 * invitation). Only for a login that can sign in now (active) and a member with an email address.
 */
export async function sendSignInLinkTo(tenantId: string, actor: BulkActorRef, personId: string, now = new Date()): Promise<AccessChange> {
  return mailFreshSignInLink(tenantId, actor, personId, now, {
    onlyAfterFirstSignIn: false,
    send: sendSignInLink,
    action: "account.sign-in-link-sent",
  });
}

/**
 * Issues one member a fresh sign-in link and mails it (`send`) with their username. Refused without an
 * active login or an email address and, with `onlyAfterFirstSignIn`, for a login never used yet.
 */
async function mailFreshSignInLink(
  tenantId: string,
  actor: BulkActorRef,
  personId: string,
  now: Date,
  mail: {
    onlyAfterFirstSignIn: boolean;
    send: typeof sendUsername;
    action: "account.username-sent" | "account.sign-in-link-sent";
  },
): Promise<AccessChange> {
  assertCoordinatorOf(tenantId, actor, FEATURE);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const resolved = await resolveTarget(tx, tenantId, { kind: "person", personId });
    if (!resolved.ok) return { result: { outcome: "refused", reason: resolved.reason }, mailIds: [] };
    const [person] = resolved.candidates;
    const email = person.email?.trim() || null;
    if (!person.login || person.login.status !== "active" || (mail.onlyAfterFirstSignIn && person.login.loginCount === 0) || !person.userId || !person.username || !email) {
      const reason: AccessRefusal = !person.login
        ? "noLogin"
        : person.login.status !== "active"
          ? "notActive"
          : mail.onlyAfterFirstSignIn && person.login.loginCount === 0
            ? "neverSignedIn"
            : "noEmail";
      return { result: { outcome: "refused", reason }, mailIds: [] };
    }
    const url = await issueSignInLink(tx, { userId: person.userId, tenantId, now });
    const mailId = await mail.send(tx, {
      tenantId,
      person: { id: person.personId, firstName: person.firstName, email },
      username: person.username,
      url,
      locale: person.locale,
    });
    await recordAudit(tx, { tenantId, actorUserId: actor.userId, action: mail.action, targetPersonId: person.personId });
    return { result: { outcome: "done", changed: 1, emailed: 1, skipped: {} }, mailIds: [mailId] };
  });
}

export type ScheduledBlocksReport = {
  blocked: number;
  organisations: number;
  /** Organisations whose run failed (rolled back, retried on the next run); the others still ran. */
  failed: number;
  mailIds: string[];
};

/**
 * Carries out every scheduled block that is due at `now`, organisation by organisation, each in its own
 * transaction: the same block as a coordinator's (session version, links, notice email), audited
 * without an actor. Blocks scheduled for later stay untouched. Run by /api/cron/scheduled-blocks.
 */
export async function runScheduledBlocks(now = new Date()): Promise<ScheduledBlocksReport> {
  const db = await getDb();
  const due = await db
    .selectDistinct({ tenantId: users.tenantId })
    .from(users)
    .where(and(isNotNull(users.tenantId), eq(users.status, "active"), lte(users.blockScheduledFor, now)));
  const report: ScheduledBlocksReport = { blocked: 0, organisations: 0, failed: 0, mailIds: [] };
  for (const { tenantId } of due) {
    if (!tenantId) continue;
    try {
      const done = await blockDueInOrganisation(tenantId, now);
      if (done.blocked > 0) report.organisations += 1;
      report.blocked += done.blocked;
      report.mailIds.push(...done.mailIds);
    } catch (error) {
      // One organisation's problem must not keep the others' leavers signed in; its run is retried next time.
      report.failed += 1;
      console.error(`Scheduled blocks failed for organisation ${tenantId}`, error);
    }
  }
  return report;
}

async function blockDueInOrganisation(tenantId: string, now: Date): Promise<{ blocked: number; mailIds: string[] }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ personId: users.personId, scheduledFor: users.blockScheduledFor })
      .from(users)
      .innerJoin(people, and(eq(people.id, users.personId), personOf(tenantId)))
      .where(and(eq(users.tenantId, tenantId), eq(users.status, "active"), lte(users.blockScheduledFor, now)));
    const personIds = rows.flatMap((row) => (row.personId ? [row.personId] : []));
    if (personIds.length === 0) return { blocked: 0, mailIds: [] };
    const resolved = await resolveTarget(tx, tenantId, { kind: "selection", personIds });
    if (!resolved.ok) return { blocked: 0, mailIds: [] };
    const scheduledFor = new Map(rows.map((row) => [row.personId, row.scheduledFor]));
    const due = resolved.candidates.filter((person) => person.login?.status === "active");
    // The last admin stays: their scheduled block waits until another admin can sign in.
    const affected = (await blockTakesLastAdmin(tx, tenantId, due)) ? due.filter((person) => person.role !== "admin") : due;
    const blocked = await applyBlock(tx, tenantId, affected, now);
    const mailIds = await notifyBlocked(tx, tenantId, blocked, false);
    await recordAudit(
      tx,
      blocked.map(
        (person): AuditEntry => ({
          tenantId,
          actorUserId: null,
          action: "account.blocked",
          targetPersonId: person.personId,
          details: { via: "schedule", scheduledFor: scheduledFor.get(person.personId)?.toISOString() ?? null },
        }),
      ),
    );
    return { blocked: blocked.length, mailIds };
  });
}
