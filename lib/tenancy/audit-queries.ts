// Reads of the audit log for the coordinators' audit page: one organisation's entries, newest first,
// either the changes or (for admins) the security log of refused requests.
import { and, desc, eq, like, notLike, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people, type Role } from "@/lib/db/schema/people";
import { auditLog } from "@/lib/db/schema/platform";
import { canSeeSecurityLog } from "@/lib/auth/permissions";
import { formatPersonName } from "@/lib/people/names";

export const AUDIT_PAGE_SIZE = 50;

export type AuditLogEntry = {
  id: string;
  at: Date;
  action: string;
  /** Null when a scheduled job acted (a block carried out at its date) or the actor's account is gone. */
  actor: { name: string; username: string | null } | null;
  target: { personId: string; name: string } | null;
  details: Record<string, unknown>;
};

/** "changes": what coordinators and admins did; "security": refused requests, for admins only. */
export type AuditKind = "changes" | "security";

/** Which list a reader gets for `?kind=`: the security log only for admins, the changes for everyone else. */
export function auditKindFor(role: Role, requested: unknown): AuditKind {
  return canSeeSecurityLog(role) && requested === "security" ? "security" : "changes";
}

function kindCondition(kind: AuditKind): SQL {
  return kind === "security" ? like(auditLog.action, "security.%") : notLike(auditLog.action, "security.%");
}

export type AuditLogPage = { entries: AuditLogEntry[]; total: number; page: number; pageCount: number };

const actorPerson = alias(people, "actor_person");
const targetPerson = alias(people, "target_person");

/** One page of the organisation's audit log, newest first; names are joined within the same organisation only. */
export async function listAuditEntries(
  tenantId: string,
  options: { page: number; pageSize?: number; kind?: AuditKind; /** Only entries about this person (the member page). */ targetPersonId?: string },
): Promise<AuditLogPage> {
  const kind = options.kind ?? "changes";
  const db = await getDb();
  const pageSize = options.pageSize ?? AUDIT_PAGE_SIZE;
  const page = Math.max(1, Math.floor(options.page));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.createdAt,
      action: auditLog.action,
      details: auditLog.details,
      actorUserId: auditLog.actorUserId,
      actorUsername: users.username,
      actorFirstName: actorPerson.firstName,
      actorInfix: actorPerson.infix,
      actorLastName: actorPerson.lastName,
      targetPersonId: targetPerson.id,
      targetFirstName: targetPerson.firstName,
      targetInfix: targetPerson.infix,
      targetLastName: targetPerson.lastName,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(actorPerson, and(eq(actorPerson.id, users.personId), eq(actorPerson.tenantId, tenantId)))
    .leftJoin(targetPerson, and(eq(targetPerson.id, auditLog.targetPersonId), eq(targetPerson.tenantId, tenantId)))
    .where(and(eq(auditLog.tenantId, tenantId), kindCondition(kind), options.targetPersonId ? eq(auditLog.targetPersonId, options.targetPersonId) : undefined))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = rows[0]?.total ?? (page > 1 && !options.targetPersonId ? await countAuditEntries(tenantId, kind) : 0);
  return {
    entries: rows.map((row) => {
      const actorName = formatPersonName({ firstName: row.actorFirstName, infix: row.actorInfix, lastName: row.actorLastName });
      return {
        id: row.id,
        at: row.at,
        action: row.action,
        actor: row.actorUserId && (actorName || row.actorUsername) ? { name: actorName || (row.actorUsername ?? ""), username: row.actorUsername } : null,
        target: row.targetPersonId
          ? { personId: row.targetPersonId, name: formatPersonName({ firstName: row.targetFirstName, infix: row.targetInfix, lastName: row.targetLastName }) }
          : null,
        details: row.details,
      };
    }),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

async function countAuditEntries(tenantId: string, kind: AuditKind): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), kindCondition(kind)));
  return row?.total ?? 0;
}
