import { describe, expect, it } from "vitest";
import {
  droppedAssignments,
  filledFields,
  findOverlaps,
  loginOutcome,
  mergedRole,
  mergeRefusal,
  overlapKey,
  type MergeRecord,
} from "@/lib/people/merging/rules";

const at = (hour: number) => new Date(Date.UTC(2030, 0, 7, hour));
const shift = (shiftId: string, from: number, to: number) => ({ shiftId, startsAt: at(from), endsAt: at(to) });
const record = (id: string, overrides: Partial<MergeRecord> = {}): MergeRecord => ({ id, role: "member", mergedIntoId: null, ...overrides });

describe("who may be merged", () => {
  it.each([
    { label: "two separate members, by a coordinator", actor: "coordinator", keep: record("a"), merge: record("b"), expected: null },
    { label: "a record with itself", actor: "coordinator", keep: record("a"), merge: record("a"), expected: "self" },
    { label: "a record already merged into another", actor: "coordinator", keep: record("a"), merge: record("b", { mergedIntoId: "c" }), expected: "alreadyMerged" },
    { label: "into a record already merged away", actor: "admin", keep: record("a", { mergedIntoId: "c" }), merge: record("b"), expected: "alreadyMerged" },
    { label: "an admin's record, by a coordinator", actor: "coordinator", keep: record("a"), merge: record("b", { role: "admin" }), expected: "adminOnly" },
    { label: "an admin's record, by an admin", actor: "admin", keep: record("a", { role: "admin" }), merge: record("b"), expected: null },
  ] as const)("$label: $expected", ({ actor, keep, merge, expected }) => {
    expect(mergeRefusal(actor, keep, merge)).toBe(expected);
  });
});

describe("the kept record's role", () => {
  it.each([
    { keep: "member", merge: "coordinator", expected: "coordinator" },
    { keep: "coordinator", merge: "member", expected: "coordinator" },
    { keep: "admin", merge: "coordinator", expected: "admin" },
    { keep: "member", merge: "member", expected: "member" },
  ] as const)("keeping a $keep and merging a $merge gives a $expected", ({ keep, merge, expected }) => {
    expect(mergedRole(keep, merge)).toBe(expected);
  });
});

describe("overlapping coming shifts", () => {
  it.each([
    { label: "the same shift on both", keep: [shift("s1", 9, 12)], merge: [shift("s1", 9, 12)], expected: [{ key: "s1:s1", sameShift: true }] },
    { label: "two shifts at the same time", keep: [shift("s1", 9, 12)], merge: [shift("s2", 11, 14)], expected: [{ key: "s1:s2", sameShift: false }] },
    { label: "one shift ending as the other starts", keep: [shift("s1", 9, 12)], merge: [shift("s2", 12, 14)], expected: [] },
    { label: "shifts on different times", keep: [shift("s1", 9, 10)], merge: [shift("s2", 14, 16)], expected: [] },
    { label: "no shifts on one side", keep: [], merge: [shift("s2", 9, 12)], expected: [] },
  ])("$label", ({ keep, merge, expected }) => {
    expect(findOverlaps(keep, merge).map((overlap) => ({ key: overlapKey(overlap), sameShift: overlap.sameShift }))).toEqual(expected);
  });
});

describe("which assignments a merge drops", () => {
  const overlaps = findOverlaps([shift("k1", 9, 12), shift("both", 14, 16)], [shift("m1", 10, 11), shift("both", 14, 16)]);

  it.each([
    { label: "keeping the kept record's shift drops the other's", winner: "keep", keep: [], merge: ["m1", "both"] },
    { label: "keeping the merged record's shift drops the kept one's", winner: "merge", keep: ["k1"], merge: ["both"] },
  ] as const)("$label, and the same shift becomes one assignment", ({ winner, keep, merge }) => {
    const result = droppedAssignments(overlaps, [{ keepShiftId: "k1", mergeShiftId: "m1", winner }]);
    expect(result).toEqual({ ok: true, keep: new Set(keep), merge: new Set(merge) });
  });

  it("an overlap without a choice is refused as a stale page", () => {
    expect(droppedAssignments(overlaps, [])).toEqual({ ok: false, reason: "overlapsChanged" });
  });
});

describe("which login survives", () => {
  it.each([
    { label: "neither has a login", has: { keep: false, merge: false }, choice: undefined, expected: { ok: true, surviving: null, blocked: null } },
    { label: "only the kept record has one", has: { keep: true, merge: false }, choice: undefined, expected: { ok: true, surviving: "keep", blocked: null } },
    { label: "only the merged record has one", has: { keep: false, merge: true }, choice: undefined, expected: { ok: true, surviving: "merge", blocked: null } },
    { label: "both, the kept record's chosen", has: { keep: true, merge: true }, choice: "keep", expected: { ok: true, surviving: "keep", blocked: "merge" } },
    { label: "both, the merged record's chosen", has: { keep: true, merge: true }, choice: "merge", expected: { ok: true, surviving: "merge", blocked: "keep" } },
    { label: "both, nothing chosen", has: { keep: true, merge: true }, choice: undefined, expected: { ok: false, reason: "loginChoiceMissing" } },
  ] as const)("$label", ({ has, choice, expected }) => {
    expect(loginOutcome(has, choice)).toEqual(expected);
  });
});

describe("fields the kept record takes over", () => {
  const empty = { email: null, phone: null, birthDate: null, address: null, postcode: null, city: null, startDate: null };
  it.each([
    { label: "an empty field is filled", keep: { ...empty }, merge: { ...empty, phone: "0612345678" }, expected: { phone: "0612345678" } },
    { label: "a filled field is never overwritten", keep: { ...empty, email: "a@example.org" }, merge: { ...empty, email: "b@example.org" }, expected: {} },
    { label: "a blank field counts as empty", keep: { ...empty, city: "  " }, merge: { ...empty, city: "Utrecht" }, expected: { city: "Utrecht" } },
  ])("$label", ({ keep, merge, expected }) => {
    expect(filledFields(keep, merge)).toEqual(expected);
  });
});
