// The members table's cached rows go stale through the same deferred triggers as the member pages:
// a change to what the table shows of a login (blocked, locked, signed in, two-factor) stamps the
// organisation's "accounts" tag at commit, a bulk mailing's outbox rows stamp "mail", and what the table
// does not show (a failed password below the lockout, a language) stamps nothing.
// Runs unchanged on PGlite, PostgreSQL and Neon.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { outbox } from "@/lib/db/schema/platform";
import { users } from "@/lib/db/schema/accounts";
import { organisationTag } from "@/lib/cache/tags";
import { setUpTwoOrganisations } from "./fixtures";

const database = setUpTwoOrganisations();

describe("the accounts tag", () => {
  it("blocking a member's login stamps tenant:<id>:accounts once, and not another organisation's", async () => {
    const tag = organisationTag(database.org.organisation.id, "accounts");
    const otherTag = organisationTag(database.other.organisation.id, "accounts");
    expect(tag).toBe(`tenant:${database.org.organisation.id}:accounts`);
    const before = await database.stampsOf(tag);
    const otherBefore = await database.stampsOf(otherTag);
    await database.db.transaction(async (tx) => {
      for (const member of database.org.members.slice(0, 2)) {
        await tx.update(users).set({ status: "blocked", blockedAt: new Date() }).where(eq(users.id, member.user.id));
      }
    });
    expect(await database.stampsOf(tag)).toBe(before + 1);
    expect(await database.stampsOf(otherTag)).toBe(otherBefore);
  });

  it("a sign-in, a lockout and an authenticator app each stamp it", async () => {
    const tag = organisationTag(database.org.organisation.id, "accounts");
    const user = database.org.members[2]!.user;
    const changes = [
      { loginCount: 1, lastLoginAt: new Date() },
      { lockedAt: new Date() },
      { totpEnabledAt: new Date() },
    ];
    for (const change of changes) {
      const before = await database.stampsOf(tag);
      await database.db.update(users).set(change).where(eq(users.id, user.id));
      expect(await database.stampsOf(tag)).toBe(before + 1);
    }
  });

  it("a failed password below the lockout or another language stamps nothing", async () => {
    const tag = organisationTag(database.org.organisation.id, "accounts");
    const before = await database.stampsOf(tag);
    await database.db.update(users).set({ failedPasswordCount: 1, locale: "en" }).where(eq(users.id, database.org.members[3]!.user.id));
    expect(await database.stampsOf(tag)).toBe(before);
  });
});

describe("the mail tag", () => {
  it("a bulk mailing's message stamps tenant:<id>:mail when written and when sent; a single mail does not", async () => {
    const tag = organisationTag(database.org.organisation.id, "mail");
    const message = { tenantId: database.org.organisation.id, template: "username-reminder", toAddress: "lid@example.org", subject: "Je gebruikersnaam" };
    const before = await database.stampsOf(tag);
    await database.db.insert(outbox).values(message);
    expect(await database.stampsOf(tag)).toBe(before);
    const [batched] = await database.db.insert(outbox).values({ ...message, batchId: randomUUID() }).returning({ id: outbox.id });
    expect(await database.stampsOf(tag)).toBe(before + 1);
    await database.db.update(outbox).set({ status: "sent", sentAt: new Date() }).where(eq(outbox.id, batched!.id));
    expect(await database.stampsOf(tag)).toBe(before + 2);
  });
});
