// Who may go from which role to which: the last admin stays an admin; a block that takes the last
// admin away is refused.
import { describe, expect, it } from "vitest";
import { blockLeavesNoAdmin, checkRoleChange } from "@/lib/accounts/roles/rules";

describe("the role rule", () => {
  it.each([
    { label: "member to coordinator", from: "member", to: "coordinator", otherAdmins: 0, verdict: "ok" },
    { label: "the only admin to member", from: "admin", to: "member", otherAdmins: 0, verdict: "lastAdmin" },
    { label: "one of two admins to coordinator", from: "admin", to: "coordinator", otherAdmins: 1, verdict: "ok" },
    { label: "the same role again", from: "coordinator", to: "coordinator", otherAdmins: 3, verdict: "unchanged" },
    { label: "a coordinator to admin without other admins", from: "coordinator", to: "admin", otherAdmins: 0, verdict: "ok" },
  ] as const)("$label: $verdict", ({ from, to, otherAdmins, verdict }) => {
    expect(checkRoleChange({ from, to, otherAdmins })).toBe(verdict);
  });
});

describe("blocking admins", () => {
  it.each([
    { label: "blocking the only admin", blocksAdmins: 1, otherAdmins: 0, leavesNone: true },
    { label: "blocking one of two admins", blocksAdmins: 1, otherAdmins: 1, leavesNone: false },
    { label: "blocking members only", blocksAdmins: 0, otherAdmins: 0, leavesNone: false },
  ])("$label leaves no admin: $leavesNone", ({ blocksAdmins, otherAdmins, leavesNone }) => {
    expect(blockLeavesNoAdmin({ blocksAdmins, otherAdmins })).toBe(leavesNone);
  });
});
