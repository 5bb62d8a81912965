// Resending usernames in bulk through the coordinators' actions, with the real guard and a stubbed
// session: only accounts that signed in before get the mail, the rest are counted by reason, the mails
// form one batch, one audit row carries the count, and other organisations and members are refused.
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { countUsernameResend, resendPeopleUsernames } from "@/lib/accounts/blocking/actions";
import type { AccessTarget } from "@/lib/accounts/blocking/schemas";
import { users } from "@/lib/db/schema/accounts";
import { auditLog, outbox } from "@/lib/db/schema/platform";
import { setUpSignedOutDatabase, signInAs } from "@/tests/setup/sign-in-as";
import { actorOf, createNumberedAccessOrganisation, type Member } from "./access-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));

const database = setUpSignedOutDatabase();
const organisation = () => createNumberedAccessOrganisation(database.db);

async function markSignedIn(members: Member[]): Promise<void> {
  await database.db.update(users).set({ loginCount: 3 }).where(inArray(users.id, members.map((m) => m.user.id)));
}

async function usernameMailsOf(members: Member[]) {
  return database.db
    .select({ personId: outbox.personId, batchId: outbox.batchId })
    .from(outbox)
    .where(and(eq(outbox.template, "username"), inArray(outbox.personId, members.map((m) => m.person.id))));
}

describe("a coordinator resends usernames to many people at once", () => {
  it("mails only the accounts that signed in before and counts the others by reason", async () => {
    const org = await organisation();
    await markSignedIn([org.members[0], org.members[1], org.withoutEmail]);
    signInAs(await actorOf(org.coordinator));
    const target: AccessTarget = { kind: "selection", personIds: [...org.members.map((m) => m.person.id), org.withoutEmail.person.id] };

    const preview = await countUsernameResend({ target });
    expect(preview).toMatchObject({ ok: true, value: { outcome: "preview", affected: 2, skipped: { "never-signed-in": 2, "no-email": 1 } } });

    const result = await resendPeopleUsernames({ target, expectedCount: 2 });
    expect(result).toEqual({ ok: true, value: { outcome: "done", emailed: 2, skipped: { "never-signed-in": 2, "no-email": 1 } } });

    const mails = await usernameMailsOf([...org.members, org.withoutEmail]);
    expect(mails.map((mail) => mail.personId).sort()).toEqual([org.members[0].person.id, org.members[1].person.id].sort());
    expect(new Set(mails.map((mail) => mail.batchId)).size).toBe(1);
    expect(mails[0].batchId).not.toBeNull();

    const audit = await database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, org.organisation.id), eq(auditLog.action, "account.username-sent")));
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ via: "selection", count: 2, skipped: { "never-signed-in": 2, "no-email": 1 } });
  });

  it("refuses, sending nothing, when nobody in the group ever signed in", async () => {
    const org = await organisation();
    signInAs(await actorOf(org.coordinator));
    const target: AccessTarget = { kind: "group", groupId: org.group.id };
    const result = await resendPeopleUsernames({ target, expectedCount: 2 });
    expect(result).toEqual({ ok: true, value: { outcome: "refused", reason: "nobodyAffected", skipped: { "never-signed-in": 2 } } });
    expect(await usernameMailsOf(org.members)).toHaveLength(0);
  });

  it("refuses when the confirmed count no longer matches, and names the new count", async () => {
    const org = await organisation();
    await markSignedIn(org.members);
    signInAs(await actorOf(org.coordinator));
    const result = await resendPeopleUsernames({ target: { kind: "group", groupId: org.group.id }, expectedCount: 5 });
    expect(result).toMatchObject({ ok: true, value: { outcome: "refused", reason: "countChanged", count: 2 } });
    expect(await usernameMailsOf(org.members)).toHaveLength(0);
  });

  it("a coordinator of another organisation gets not found for its people and its group", async () => {
    const org = await organisation();
    const other = await organisation();
    await markSignedIn(org.members);
    signInAs(await actorOf(other.coordinator));
    const selection: AccessTarget = { kind: "selection", personIds: [org.members[0].person.id] };
    expect(await countUsernameResend({ target: selection })).toEqual({ ok: false, error: "notFound" });
    expect(await resendPeopleUsernames({ target: selection, expectedCount: 1 })).toEqual({ ok: false, error: "notFound" });
    expect(await resendPeopleUsernames({ target: { kind: "group", groupId: org.group.id }, expectedCount: 2 })).toEqual({ ok: false, error: "notFound" });
    expect(await usernameMailsOf(org.members)).toHaveLength(0);
  });

  it("a member is forbidden", async () => {
    const org = await organisation();
    await markSignedIn(org.members);
    signInAs(await actorOf(org.members[0]));
    expect(await countUsernameResend({ target: { kind: "everyone" } })).toEqual({ ok: false, error: "forbidden" });
    expect(await resendPeopleUsernames({ target: { kind: "everyone" }, expectedCount: 4 })).toEqual({ ok: false, error: "forbidden" });
    expect(await usernameMailsOf(org.members)).toHaveLength(0);
  });
});
