// Coordinators keep member records: create a member and edit every field of one, whatever the
// organisation lets members edit about themselves (those settings are for Mijn profiel only). Each
// change is audited with the names of the fields that changed, never their values.
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { people } from "@/lib/db/schema/people";
import { canCoordinate } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/schema/people";
import { recordAudit } from "@/lib/tenancy/audit";
import { personOf } from "./members";
import { normaliseDutchPostcode, normalisePhoneNumber } from "./rules";
import { memberRecordColumns } from "./member-record-queries";
import { memberRecordFields, type MemberRecordField, type MemberRecordInput } from "./member-record-schemas";

export type MemberRecordActor = { userId: string; tenantId: string; role: Role };

function assertCoordinatorOf(tenantId: string, actor: MemberRecordActor): void {
  if (actor.tenantId !== tenantId) throw new Error("Member records: the actor belongs to another organisation");
  if (!canCoordinate(actor.role)) throw new Error("Member records: coordinators and admins only");
}

/** Adds a member (role member, no login yet: logins are made on the logins page). Returns the new id. */
export async function createMemberRecord(tenantId: string, actor: MemberRecordActor, input: MemberRecordInput): Promise<{ personId: string }> {
  assertCoordinatorOf(tenantId, actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(people)
      .values({ tenantId, role: "member", ...input })
      .returning({ id: people.id });
    const filled = memberRecordFields.filter((field) => input[field] !== null);
    await recordAudit(tx, { tenantId, actorUserId: actor.userId, action: "person.created", targetPersonId: created.id, details: { fields: filled } });
    return { personId: created.id };
  });
}

export type MemberRecordUpdate = { changed: MemberRecordField[] };

/**
 * A stored value as the form's schema would write it (older rows and imports may hold "06-1234 5678"),
 * so saving a form nobody changed changes nothing.
 */
function storedForm(field: MemberRecordField, value: string | null): string | null {
  if (value === null) return null;
  if (field === "phone") return normalisePhoneNumber(value) ?? value;
  if (field === "postcode") return normaliseDutchPostcode(value) ?? value;
  return value;
}

/**
 * Writes every field of one member record of this organisation. Returns the fields that changed
 * (none: nothing written, nothing audited), or null when there is no such record here.
 */
export async function updateMemberRecord(
  tenantId: string,
  actor: MemberRecordActor,
  personId: string,
  input: MemberRecordInput,
): Promise<MemberRecordUpdate | null> {
  assertCoordinatorOf(tenantId, actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select(memberRecordColumns)
      .from(people)
      .where(and(personOf(tenantId), eq(people.id, personId)))
      .for("update");
    if (!current) return null;
    const changed = memberRecordFields.filter((field) => storedForm(field, current[field]) !== input[field]);
    if (changed.length === 0) return { changed };
    const changes = Object.fromEntries(changed.map((field) => [field, input[field]]));
    await tx
      .update(people)
      .set({ ...changes, updatedAt: new Date() })
      .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
    await recordAudit(tx, { tenantId, actorUserId: actor.userId, action: "person.updated", targetPersonId: personId, details: { fields: changed } });
    return { changed };
  });
}
