// An admin changes a person's role (member, coordinator, admin) in their organisation, audited with
// before and after. The organisation always keeps an admin: see rules.ts and admins.ts.
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { people, type Role } from "@/lib/db/schema/people";
import { canChangeRoles } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/tenancy/audit";
import { lockAndCountAdmins } from "./admins";
import { checkRoleChange, type RoleChangeRefusal } from "./rules";
import type { ChangeRoleInput } from "./schemas";

/** Who changes the role: an admin of the organisation, or a provider admin visiting it (no person). */
export type RoleChanger = { userId: string; tenantId: string; role: Role };

export type RoleChangeResult =
  | { outcome: "changed"; before: Role; after: Role }
  | { outcome: "refused"; reason: RoleChangeRefusal }
  /** No such person in this organisation (or merged away): the action answers "not found". */
  | { outcome: "notFound" };

/**
 * Changes the role inside one transaction: the organisation's admin lock first, then the person's
 * row, so two admins demoting each other at once cannot leave the organisation without an admin.
 * Throws when the changer is not an admin of `tenantId` (the guard already refused; reaching it is a bug).
 */
export async function changeRole(tenantId: string, changer: RoleChanger, input: ChangeRoleInput): Promise<RoleChangeResult> {
  if (changer.tenantId !== tenantId || !canChangeRoles(changer.role)) throw new Error("Role changes: admins of the organisation only");
  const db = await getDb();
  return db.transaction(async (tx): Promise<RoleChangeResult> => {
    const otherAdmins = await lockAndCountAdmins(tx, tenantId, [input.personId]);
    const [subject] = await tx
      .select({ role: people.role })
      .from(people)
      .where(and(eq(people.id, input.personId), eq(people.tenantId, tenantId), isNull(people.mergedIntoId)))
      .for("update");
    if (!subject) return { outcome: "notFound" };
    const verdict = checkRoleChange({ from: subject.role, to: input.role, otherAdmins });
    if (verdict !== "ok") return { outcome: "refused", reason: verdict };
    await tx.update(people).set({ role: input.role, updatedAt: new Date() }).where(and(eq(people.id, input.personId), eq(people.tenantId, tenantId)));
    await recordAudit(tx, {
      tenantId,
      actorUserId: changer.userId,
      action: "account.role-changed",
      targetPersonId: input.personId,
      details: { before: subject.role, after: input.role },
    });
    return { outcome: "changed", before: subject.role, after: input.role };
  });
}
