// The coordinators' member page (/dashboard/people/[id]): one member's record with their groups and
// login, the emails sent to them with their delivery, and the audit entries about them; "send a
// sign-in link"; and another organisation's member is not found, on the page and by every action.
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  blockPeople,
  cancelPersonScheduledBlock,
  countAccessChange,
  resendPersonUsername,
  resetPersonAuthenticator,
  schedulePeopleBlock,
  sendPersonSignInLink,
  unblockPeople,
  unlockPersonAccount,
} from "@/lib/accounts/blocking/actions";
import { outbox } from "@/lib/db/schema/platform";
import { listMailForPerson } from "@/lib/mail/queries";
import { updateMember } from "@/lib/people/member-record-actions";
import { getMemberRecord, mailDeliveryOf } from "@/lib/people/member-record-queries";
import { listAuditEntries } from "@/lib/tenancy/audit-queries";
import { setUpTestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf, auditFor, createAccessOrganisation, outboxFor, type AccessOrganisation } from "../accounts/access-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: () => {} }));
vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"));
vi.mock("next/navigation", () => import("@/tests/setup/next-request").then((m) => m.throwingNavigation));

const database = setUpTestDatabase();
let one: AccessOrganisation;
let two: AccessOrganisation;
beforeAll(async () => {
  one = await createAccessOrganisation(database.db, "Stichting Eén");
  two = await createAccessOrganisation(database.db, "Stichting Twee");
});
beforeEach(() => signOut());

describe("the member page's record", () => {
  it("shows the member's fields, groups and login", async () => {
    const member = one.members[0];
    const record = await getMemberRecord(one.organisation.id, member.person.id);
    expect(record?.values).toMatchObject({ firstName: member.person.firstName, lastName: member.person.lastName, email: member.person.email });
    expect(record?.access.groups).toEqual([one.group.name]);
    expect(record?.access.login).toMatchObject({ username: member.user.username, status: "active" });
  });

  it("lists the emails sent to the member with their delivery, and the audit entries about them", async () => {
    const member = one.members[1];
    signInAs(await actorOf(one.coordinator));
    const sent = await sendPersonSignInLink({ personId: member.person.id });
    expect(sent).toEqual({ ok: true, value: { outcome: "done", changed: 1, emailed: 1, skipped: {} } });
    const [mail] = await outboxFor(database.db, member);
    await database.db.update(outbox).set({ attempts: 1, lastError: "550 mailbox unavailable" }).where(eq(outbox.id, mail.id));

    const mails = await listMailForPerson(one.organisation.id, member.person.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ template: "sign-in-link", toAddress: member.person.email, lastError: "550 mailbox unavailable" });
    expect(mailDeliveryOf(mails[0])).toBe("retrying");

    const audit = await listAuditEntries(one.organisation.id, { page: 1, pageSize: 20, targetPersonId: member.person.id });
    expect(audit.entries.map((entry) => entry.action)).toEqual(["account.sign-in-link-sent"]);
    expect(audit.entries[0].target?.personId).toBe(member.person.id);
  });

  it("a sign-in link goes only to a member with an email address", async () => {
    signInAs(await actorOf(one.coordinator));
    const result = await sendPersonSignInLink({ personId: one.withoutEmail.person.id });
    expect(result).toEqual({ ok: true, value: { outcome: "refused", reason: "noEmail" } });
    expect(await outboxFor(database.db, one.withoutEmail)).toEqual([]);
  });

  it("a message is queued until tried, then retrying, then sent or failed", () => {
    expect(mailDeliveryOf({ status: "pending", attempts: 0 })).toBe("queued");
    expect(mailDeliveryOf({ status: "pending", attempts: 2 })).toBe("retrying");
    expect(mailDeliveryOf({ status: "sent", attempts: 1 })).toBe("sent");
    expect(mailDeliveryOf({ status: "failed", attempts: 5 })).toBe("failed");
  });
});

describe("the pages", () => {
  it("a coordinator opens a member's page, the edit page and the members table filtered by a group", async () => {
    signInAs(await actorOf(one.coordinator));
    const id = one.members[0].person.id;
    const { default: MemberPage } = await import("@/app/(coordinator)/dashboard/people/[id]/page");
    const { default: EditMemberPage } = await import("@/app/(coordinator)/dashboard/people/[id]/edit/page");
    const { default: PeoplePage } = await import("@/app/(coordinator)/dashboard/people/page");
    await expect(MemberPage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) })).resolves.toBeTruthy();
    await expect(EditMemberPage({ params: Promise.resolve({ id }) })).resolves.toBeTruthy();
    await expect(PeoplePage({ searchParams: Promise.resolve({ group: one.group.id, sort: "lastLogin", dir: "desc" }) })).resolves.toBeTruthy();
  });
});

describe("another organisation's member", () => {
  it("is not found by the page query, the same as an id that does not exist", async () => {
    expect(await getMemberRecord(one.organisation.id, two.members[0].person.id)).toBeNull();
    expect(await getMemberRecord(one.organisation.id, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await listMailForPerson(one.organisation.id, two.members[0].person.id)).toEqual([]);
    const audit = await listAuditEntries(one.organisation.id, { page: 1, targetPersonId: two.members[0].person.id });
    expect(audit.entries).toEqual([]);
  });

  it("the member page and its edit page answer not-found for it, for a missing id and for a malformed one", async () => {
    signInAs(await actorOf(one.coordinator));
    const { default: MemberPage } = await import("@/app/(coordinator)/dashboard/people/[id]/page");
    const { default: EditMemberPage } = await import("@/app/(coordinator)/dashboard/people/[id]/edit/page");
    for (const id of [two.members[0].person.id, "00000000-0000-4000-8000-000000000000", "niet-een-id"]) {
      await expect(MemberPage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) })).rejects.toThrow("NEXT_NOT_FOUND");
      await expect(EditMemberPage({ params: Promise.resolve({ id }) })).rejects.toThrow("NEXT_NOT_FOUND");
    }
  });

  it("every action on it answers not-found and changes nothing", async () => {
    signInAs(await actorOf(one.coordinator));
    const foreign = two.members[0];
    const personId = foreign.person.id;
    const target = { kind: "person", personId } as const;
    const results = [
      await updateMember({ personId, firstName: "Gekaapt", lastName: "Anders" }),
      await sendPersonSignInLink({ personId }),
      await countAccessChange({ change: "block", target }),
      await blockPeople({ target, expectedCount: 1 }),
      await unblockPeople({ target, expectedCount: 1 }),
      await schedulePeopleBlock({ target, date: "2031-03-04" }),
      await cancelPersonScheduledBlock({ personId }),
      await unlockPersonAccount({ personId }),
      await resetPersonAuthenticator({ personId }),
      await resendPersonUsername({ personId }),
    ];
    for (const result of results) expect(result).toEqual({ ok: false, error: "notFound" });
    const record = await getMemberRecord(two.organisation.id, personId);
    expect(record?.values.firstName).toBe(foreign.person.firstName);
    expect(record?.access.login?.status).toBe("active");
    expect(await outboxFor(database.db, foreign)).toEqual([]);
    expect(await auditFor(database.db, foreign)).toEqual([]);
  });
});
