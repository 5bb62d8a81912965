// A members table row travels packed (components/coordinator/person-access-row.ts): whatever the row
// holds, the table must get back the same row, with the same actions in its menu.
import { describe, expect, it } from "vitest";
import { actionBits, packRow, unpackRow, type PersonAccessView } from "@/components/coordinator/person-access-row";

const plain: PersonAccessView = { personId: "p-1", name: "Arjen Bakker", badges: ["active"], actions: ["block", "resendUsername", "schedule"], groups: "Buurthuis", username: "arjen", lastLogin: "11 nov 2026, 18:18" };

describe("a packed members table row", () => {
  it("comes back as the same row", () => {
    const full: PersonAccessView = {
      ...plain,
      roleLabel: "Coördinator",
      isSelf: true,
      badges: [{ kind: "blocked", label: "Geblokkeerd", hint: "Sinds 3 maart 2026" }, "never-signed-in"],
      actions: [...actionBits],
      usernameUnavailable: true,
      scheduleDefault: "2026-12-24",
      endDateLabel: "23 december 2026",
    };
    const bare: PersonAccessView = { personId: "p-2", name: "Zoë de Vries", badges: ["no-login"], actions: [] };
    const onlyLastLogin: PersonAccessView = { personId: "p-3", name: "Kees", badges: ["active"], actions: ["unlock"], lastLogin: "1 jan 2026, 09:00" };
    for (const row of [plain, full, bare, onlyLastLogin]) expect(unpackRow(packRow(row))).toEqual(row);
  });

  it("keeps the menu's actions and nothing else", () => {
    expect(unpackRow(packRow({ ...plain, actions: ["unblock", "cancelSchedule"] })).actions).toEqual(["unblock", "cancelSchedule"]);
    expect(unpackRow(packRow({ ...plain, actions: [] })).actions).toEqual([]);
  });

  it("is smaller than the row as an object: a page of 25 travels in the page", () => {
    expect(JSON.stringify(packRow(plain)).length).toBeLessThan(JSON.stringify(plain).length * 0.7);
    expect(packRow({ personId: "p-2", name: "Zoë", badges: ["no-login"], actions: [] })).toEqual(["p-2", "Zoë", ["no-login"], 0]);
  });
});
