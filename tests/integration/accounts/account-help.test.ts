// A coordinator helps a member back in: unlocking a locked account and resending a username.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { blockPeople, resendPersonUsername, unlockPersonAccount } from "@/lib/accounts/blocking/actions";
import { passwordSignInSchema } from "@/lib/accounts/sign-in/schemas";
import { checkPassword } from "@/lib/accounts/sign-in/password-sign-in";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { setUpTestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf, auditFor, createAccessOrganisation, FIXTURE_PASSWORD, loginOf, outboxFor, tokensOf, type AccessOrganisation, type Member } from "./access-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));

const database = setUpTestDatabase();
beforeEach(() => {
  signOut();
});

async function twoOrganisations(): Promise<[AccessOrganisation, AccessOrganisation]> {
  return [await createAccessOrganisation(database.db, "Stichting Eén"), await createAccessOrganisation(database.db, "Stichting Twee")];
}

async function lockOut(member: Member): Promise<void> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    await checkPassword(passwordSignInSchema.parse({ username: member.user.username, password: `fout-${attempt}` }));
  }
}

function signInWithRightPassword(member: Member) {
  return checkPassword(passwordSignInSchema.parse({ username: member.user.username, password: FIXTURE_PASSWORD }));
}

async function markSignedIn(member: Member, times = 3): Promise<void> {
  await database.db.update(users).set({ loginCount: times, lastLoginAt: new Date() }).where(eq(users.id, member.user.id));
}

describe("unlocking a locked account", () => {
  it("unlocking clears the lock and the count of wrong passwords; the same password works again", async () => {
    const [one] = await twoOrganisations();
    const member = one.members[0];
    await lockOut(member);
    expect(await signInWithRightPassword(member)).toEqual({ ok: false, reason: "invalid" });
    signInAs(await actorOf(one.coordinator));

    const result = await unlockPersonAccount({ personId: member.person.id });

    expect(result).toEqual({ ok: true, value: { outcome: "done", changed: 1, emailed: 0, skipped: {} } });
    expect(await loginOf(database.db, member)).toMatchObject({ lockedAt: null, failedPasswordCount: 0, status: "active" });
    expect((await signInWithRightPassword(member)).ok).toBe(true);
    expect((await auditFor(database.db, member)).map((row) => [row.action, row.actorUserId])).toEqual([["account.unlocked", one.coordinator.user.id]]);
  });

  it("unlocking an account that is not locked says so", async () => {
    const [one] = await twoOrganisations();
    signInAs(await actorOf(one.coordinator));
    expect(await unlockPersonAccount({ personId: one.members[0].person.id })).toEqual({ ok: true, value: { outcome: "refused", reason: "notLocked" } });
    expect(await auditFor(database.db, one.members[0])).toHaveLength(0);
  });

  it("a member, another organisation's coordinator and bad ids cannot unlock anyone", async () => {
    const [one, two] = await twoOrganisations();
    const member = one.members[0];
    await lockOut(member);

    signInAs(await actorOf(one.members[1]));
    expect(await unlockPersonAccount({ personId: member.person.id })).toEqual({ ok: false, error: "forbidden" });
    signInAs(await actorOf(two.coordinator));
    expect(await unlockPersonAccount({ personId: member.person.id })).toEqual({ ok: false, error: "notFound" });
    expect(await unlockPersonAccount({ personId: randomUUID() })).toEqual({ ok: true, value: { outcome: "refused", reason: "unknownPeople" } });
    expect(await unlockPersonAccount({ personId: "not-an-id" })).toEqual({ ok: false, error: "invalid", fieldErrors: { personId: ["unknownPeople"] } });

    expect((await loginOf(database.db, member)).lockedAt).not.toBeNull();
  });
});

describe("resending a username", () => {
  it("a member who has signed in before gets their username with a sign-in button", async () => {
    const [one] = await twoOrganisations();
    const member = one.members[0];
    await markSignedIn(member);
    signInAs(await actorOf(one.coordinator));

    const result = await resendPersonUsername({ personId: member.person.id });

    expect(result).toEqual({ ok: true, value: { outcome: "done", changed: 1, emailed: 1, skipped: {} } });
    const [mail] = await outboxFor(database.db, member);
    expect(mail).toMatchObject({ template: "username", toAddress: member.person.email, status: "pending" });
    expect(mail.text).toContain(member.user.username);
    expect(mail.html).toContain("http://localhost:3000/l/");
    expect((await tokensOf(database.db, member)).map((t) => t.purpose)).toEqual(["sign_in"]);
    expect((await auditFor(database.db, member)).map((row) => row.action)).toEqual(["account.username-sent"]);
  });

  it("a login that never signed in gets no username email: the action refuses and says why", async () => {
    const [one] = await twoOrganisations();
    const member = one.members[0];
    expect((await loginOf(database.db, member)).loginCount).toBe(0);
    signInAs(await actorOf(one.coordinator));
    expect(await resendPersonUsername({ personId: member.person.id })).toEqual({ ok: true, value: { outcome: "refused", reason: "neverSignedIn" } });
    expect(await outboxFor(database.db, member)).toHaveLength(0);
    expect(await auditFor(database.db, member)).toHaveLength(0);
  });

  it.each([
    {
      label: "a blocked member",
      prepare: async (member: Member) => {
        await blockPeople({ target: { kind: "person", personId: member.person.id }, expectedCount: 1 });
      },
      reason: "notActive",
    },
    {
      label: "a member without an email address",
      prepare: async (member: Member) => {
        await database.db.update(people).set({ email: null }).where(eq(people.id, member.person.id));
      },
      reason: "noEmail",
    },
  ])("$label gets no username email", async ({ prepare, reason }) => {
    const [one] = await twoOrganisations();
    const member = one.members[1];
    await markSignedIn(member);
    signInAs(await actorOf(one.coordinator));
    await prepare(member);
    expect(await resendPersonUsername({ personId: member.person.id })).toEqual({ ok: true, value: { outcome: "refused", reason } });
    expect((await outboxFor(database.db, member)).filter((m) => m.template === "username")).toHaveLength(0);
  });

  it("a member and another organisation's coordinator cannot resend anyone's username", async () => {
    const [one, two] = await twoOrganisations();
    const member = one.members[0];
    await markSignedIn(member);
    signInAs(await actorOf(one.members[1]));
    expect(await resendPersonUsername({ personId: member.person.id })).toEqual({ ok: false, error: "forbidden" });
    signInAs(await actorOf(two.coordinator));
    expect(await resendPersonUsername({ personId: member.person.id })).toEqual({ ok: false, error: "notFound" });
    expect(await outboxFor(database.db, member)).toHaveLength(0);
  });
});
