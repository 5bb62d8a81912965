// Pure rules for merging two records of one person: who may be merged, which coming shifts overlap and
// which assignments the coordinator's choices drop, which login survives, and the role the kept record
// ends up with. Plain data in and out; no db, auth or next.
import { canManageAccountOf } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/schema/people";

/** The side of a merge: the record that is kept, or the one merged into it. */
export type MergeSide = "keep" | "merge";

/** Why a merge cannot go ahead, as a key of the "merging.errors" texts. */
export type MergeRefusal =
  | "self"
  | "alreadyMerged"
  | "adminOnly"
  | "overlapsChanged"
  | "loginChoiceMissing";

/** A `people` row as the rules see it. */
export type MergeRecord = { id: string; role: Role; mergedIntoId: string | null };

/**
 * Whether these two records may be merged by this actor: never a record with itself or with a record
 * already merged away, and an admin's record only by an admin (its login is an admin's account).
 */
export function mergeRefusal(actorRole: Role, keep: MergeRecord, merge: MergeRecord): MergeRefusal | null {
  if (keep.id === merge.id) return "self";
  if (keep.mergedIntoId !== null || merge.mergedIntoId !== null) return "alreadyMerged";
  if (!canManageAccountOf(actorRole, keep.role) || !canManageAccountOf(actorRole, merge.role)) return "adminOnly";
  return null;
}

const roleRank: Record<Role, number> = { member: 0, coordinator: 1, admin: 2 };

/** The two records are one person, so the kept record keeps the higher of the two roles: a merge never takes a right away. */
export function mergedRole(keep: Role, merge: Role): Role {
  return roleRank[merge] > roleRank[keep] ? merge : keep;
}

/** One coming assignment of a record: its shift and when that shift runs. */
export type ComingAssignment = { shiftId: string; startsAt: Date; endsAt: Date };

/** Two coming assignments (one of each record) at the same time; `sameShift` when it is one shift. */
export type Overlap<A extends ComingAssignment = ComingAssignment> = { keep: A; merge: A; sameShift: boolean };

/** The stable name of an overlap, the way the form sends the coordinator's choice back. */
export function overlapKey(overlap: { keep: { shiftId: string }; merge: { shiftId: string } }): string {
  return `${overlap.keep.shiftId}:${overlap.merge.shiftId}`;
}

/** Every pair of coming assignments, one of each record, that is the same shift or runs at the same time (end exclusive). */
export function findOverlaps<A extends ComingAssignment>(keep: A[], merge: A[]): Overlap<A>[] {
  const overlaps: Overlap<A>[] = [];
  for (const kept of keep) {
    for (const merged of merge) {
      const sameShift = kept.shiftId === merged.shiftId;
      if (sameShift || (kept.startsAt < merged.endsAt && merged.startsAt < kept.endsAt)) overlaps.push({ keep: kept, merge: merged, sameShift });
    }
  }
  return overlaps;
}

/** The coordinator's choice per overlap: which side's shift stays. */
export type OverlapChoice = { keepShiftId: string; mergeShiftId: string; winner: MergeSide };

/**
 * Which assignments the merge drops, per side (shift ids): the same shift on both becomes one
 * assignment (the kept record's), and every other overlap drops the side the coordinator did not
 * choose. An overlap without a choice means the page was stale: refused, nothing is guessed.
 */
export function droppedAssignments(
  overlaps: Overlap[],
  choices: OverlapChoice[],
): { ok: true; keep: Set<string>; merge: Set<string> } | { ok: false; reason: "overlapsChanged" } {
  const chosen = new Map(choices.map((choice) => [`${choice.keepShiftId}:${choice.mergeShiftId}`, choice.winner]));
  const keep = new Set<string>();
  const merge = new Set<string>();
  for (const overlap of overlaps) {
    if (overlap.sameShift) {
      merge.add(overlap.merge.shiftId);
      continue;
    }
    const winner = chosen.get(overlapKey(overlap));
    if (!winner) return { ok: false, reason: "overlapsChanged" };
    if (winner === "keep") merge.add(overlap.merge.shiftId);
    else keep.add(overlap.keep.shiftId);
  }
  return { ok: true, keep, merge };
}

/**
 * Which login the kept record ends up with and which is blocked. One login: it survives (moving to the
 * kept record when it was the other's). Two: the coordinator's choice survives, the other is blocked
 * and stays on the merged record, since a record has one login. No choice for two logins is refused.
 */
export function loginOutcome(
  has: { keep: boolean; merge: boolean },
  choice: MergeSide | undefined,
): { ok: true; surviving: MergeSide | null; blocked: MergeSide | null } | { ok: false; reason: "loginChoiceMissing" } {
  if (has.keep && has.merge) {
    if (!choice) return { ok: false, reason: "loginChoiceMissing" };
    return { ok: true, surviving: choice, blocked: choice === "keep" ? "merge" : "keep" };
  }
  if (has.keep) return { ok: true, surviving: "keep", blocked: null };
  if (has.merge) return { ok: true, surviving: "merge", blocked: null };
  return { ok: true, surviving: null, blocked: null };
}

/** The contact fields the kept record takes from the other when it has none of its own. */
export const fillableFields = ["email", "phone", "birthDate", "address", "postcode", "city", "startDate"] as const;
export type FillableField = (typeof fillableFields)[number];

/** The kept record's empty fillable fields that the merged record has a value for. */
export function filledFields(keep: Record<FillableField, string | null>, merge: Record<FillableField, string | null>): Partial<Record<FillableField, string>> {
  const filled: Partial<Record<FillableField, string>> = {};
  for (const field of fillableFields) {
    const value = merge[field];
    if (!keep[field]?.trim() && value?.trim()) filled[field] = value;
  }
  return filled;
}
