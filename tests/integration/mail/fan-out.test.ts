// The fan-out step that every email goes through: texts resolved once per language however many
// recipients, a sign-in link of their own for each, and every row inside the caller's transaction.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { hashToken } from "@/lib/accounts/links/tokens";
import { accessTokens } from "@/lib/db/schema/accounts";
import { outbox } from "@/lib/db/schema/platform";
import { createMemberWithLogin, createOrganisation, type Person, type User } from "@/lib/demo/factories";
import { sendToMany, type FanOutRecipient } from "@/lib/mail/fan-out";
import { extractLinks } from "@/lib/mail/preview";
import { resolveEmailTexts } from "@/lib/mail/text-overrides";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { withMailBodies } from "@/tests/setup/mail-bodies";

vi.mock("@/lib/mail/text-overrides", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/mail/text-overrides")>();
  return { ...actual, resolveEmailTexts: vi.fn(actual.resolveEmailTexts) };
});

let database: TestDatabase;
const resolver = vi.mocked(resolveEmailTexts);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(() => {
  resolver.mockClear();
});

type Member = { person: Person; user: User };

/** An organisation in Dutch with `count` members with a login; every third chose English. */
async function organisationWith(count: number): Promise<{ tenantId: string; members: Member[] }> {
  const organisation = await createOrganisation(database.db, { locale: "nl" });
  const members: Member[] = [];
  for (let i = 0; i < count; i++) {
    members.push(await createMemberWithLogin(database.db, { tenantId: organisation.id, login: { locale: i % 3 === 0 ? "en" : "nl" } }));
  }
  return { tenantId: organisation.id, members };
}

function usernameMail(member: Member): FanOutRecipient<"username"> {
  return {
    personId: member.person.id,
    email: member.person.email ?? "",
    name: member.person.firstName,
    userId: member.user.id,
    buttonPath: "/my/shifts",
    values: { voornaam: member.person.firstName, gebruikersnaam: member.user.username },
    details: { username: member.user.username },
  };
}

describe("sending one template to many", () => {
  it("resolves the texts once per language for 50 recipients, each in their own language", async () => {
    const { tenantId, members } = await organisationWith(50);
    const { mailIds } = await database.db.transaction((tx) => sendToMany(tx, { tenantId, template: "username", recipients: members.map(usernameMail) }));

    expect(mailIds).toHaveLength(50);
    expect(resolver).toHaveBeenCalledTimes(2);
    expect(resolver.mock.calls.map(([, options]) => options.locale).sort()).toEqual(["en", "nl"]);

    const rows = withMailBodies(await database.db.select().from(outbox).where(eq(outbox.tenantId, tenantId)));
    expect(rows).toHaveLength(50);
    const english = new Set(members.filter((_, i) => i % 3 === 0).map((member) => member.person.id));
    for (const row of rows) {
      expect(row.subject).toMatch(english.has(row.personId ?? "") ? /^Your username for / : /^Je gebruikersnaam voor /);
      expect(row.template).toBe("username");
    }
  });

  it("gives every recipient a sign-in link of their own that lands on the button's page", async () => {
    const { tenantId, members } = await organisationWith(12);
    const { mailIds } = await database.db.transaction((tx) => sendToMany(tx, { tenantId, template: "username", recipients: members.map(usernameMail) }));

    const rows = withMailBodies(await database.db.select().from(outbox).where(inArray(outbox.id, mailIds)));
    const userOf = new Map(members.map((member) => [member.person.id, member.user.id]));
    const tokens = new Set<string>();
    for (const row of rows) {
      const link = extractLinks(row.html).find((href) => href.includes("/l/"));
      expect(link).toBeDefined();
      const token = link!.split("/l/")[1];
      tokens.add(token);
      const [stored] = await database.db
        .select({ userId: accessTokens.userId, destination: accessTokens.destination })
        .from(accessTokens)
        .where(eq(accessTokens.tokenHash, hashToken(token)));
      expect(stored).toEqual({ userId: userOf.get(row.personId ?? ""), destination: "/my/shifts" });
    }
    expect(tokens.size).toBe(12);
  });

  it("marks a bulk mailing as one batch", async () => {
    const { tenantId, members } = await organisationWith(3);
    const { batchId } = await database.db.transaction((tx) =>
      sendToMany(tx, { tenantId, template: "username", batch: true, recipients: members.map(usernameMail) }),
    );
    expect(batchId).not.toBeNull();
    const rows = await database.db.select({ batchId: outbox.batchId }).from(outbox).where(eq(outbox.tenantId, tenantId));
    expect(rows).toEqual([{ batchId }, { batchId }, { batchId }]);
  });

  it("writes everything in the caller's transaction: a rollback leaves no mail and no sign-in link", async () => {
    const { tenantId, members } = await organisationWith(5);
    await expect(
      database.db.transaction(async (tx) => {
        await sendToMany(tx, { tenantId, template: "username", recipients: members.map(usernameMail) });
        throw new Error("the change that caused the mail failed");
      }),
    ).rejects.toThrow("the change that caused the mail failed");

    expect(await database.db.select().from(outbox).where(eq(outbox.tenantId, tenantId))).toEqual([]);
    const links = await database.db.select().from(accessTokens).where(inArray(accessTokens.userId, members.map((member) => member.user.id)));
    expect(links).toEqual([]);
  });

  it("refuses a template with a button when a recipient has neither a page nor a login to sign in", async () => {
    const { tenantId, members } = await organisationWith(1);
    const recipient = { ...usernameMail(members[0]), userId: null, buttonPath: undefined };
    await expect(database.db.transaction((tx) => sendToMany(tx, { tenantId, template: "username", recipients: [recipient] }))).rejects.toThrow(
      "Template username needs a buttonUrl",
    );
  });
});
