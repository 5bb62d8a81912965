import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueSignInLink, revokeAccessTokens, signInWithLink } from "@/lib/accounts/links/sign-in-links";
import { getActorForSession, redeemLoginTicket } from "@/lib/accounts/queries";
import { hashToken } from "@/lib/accounts/links/tokens";
import { accessTokens, users } from "@/lib/db/schema/accounts";
import { outbox } from "@/lib/db/schema/platform";
import { createMemberWithLogin, createOrganisation } from "@/lib/demo/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const day = 24 * 60 * 60 * 1000;
const issuedAt = new Date("2026-03-02T08:00:00Z");
const after = (days: number) => new Date(issuedAt.getTime() + days * day);

function tokenOf(url: string): string {
  const match = /\/l\/([A-Za-z0-9_-]+)$/.exec(url);
  if (!match) throw new Error(`not a sign-in link: ${url}`);
  return match[1];
}

async function member() {
  const organisation = await createOrganisation(database.db);
  const { user, person } = await createMemberWithLogin(database.db, { tenantId: organisation.id });
  return { organisation, user, person };
}

async function linkFor(user: { id: string; tenantId: string | null }, destination?: string) {
  return issueSignInLink(database.db, { userId: user.id, tenantId: user.tenantId, destination, now: issuedAt });
}

/** Opens the link like the /l/<token> route does and redeems the ticket like Auth.js does. */
async function openAndRedeem(url: string, now: Date) {
  const result = await signInWithLink(tokenOf(url), now);
  if (!result.ok) return result;
  if (result.kind !== "session") throw new Error("expected a session ticket");
  const claims = await redeemLoginTicket(result.ticket, now);
  return { ...result, claims };
}

describe("a sign-in link is valid for 7 days and reusable in that time", () => {
  it("a link works twice on day 6 and not on day 8, where it says it expired", async () => {
    const { user } = await member();
    const url = await linkFor(user);
    const first = await openAndRedeem(url, after(6));
    const second = await openAndRedeem(url, after(6.5));
    expect(first.ok && first.claims?.userId).toBe(user.id);
    expect(second.ok && second.claims?.userId).toBe(user.id);
    expect(await signInWithLink(tokenOf(url), after(8))).toEqual({ ok: false, reason: "expired" });
  });

  it("each use starts a new session and is counted on the link", async () => {
    const { user } = await member();
    const url = await linkFor(user);
    await openAndRedeem(url, after(1));
    await openAndRedeem(url, after(2));
    const [token] = await database.db.select().from(accessTokens).where(eq(accessTokens.tokenHash, hashToken(tokenOf(url))));
    expect(token.useCount).toBe(2);
    expect(token.usedAt?.toISOString()).toBe(after(1).toISOString());
    const [login] = await database.db.select({ loginCount: users.loginCount }).from(users).where(eq(users.id, user.id));
    expect(login.loginCount).toBe(2);
  });

  it("the link is bound to its own account and stored only as a hash", async () => {
    const { user } = await member();
    const other = await member();
    const url = await linkFor(user);
    const opened = await openAndRedeem(url, after(1));
    expect(opened.ok && opened.claims?.userId).toBe(user.id);
    expect(opened.ok && opened.claims?.userId).not.toBe(other.user.id);
    const rows = await database.db.select({ tokenHash: accessTokens.tokenHash }).from(accessTokens).where(eq(accessTokens.userId, user.id));
    expect(rows.some((row) => row.tokenHash === tokenOf(url))).toBe(false);
    expect(url.startsWith("http://localhost:3000/l/")).toBe(true);
  });

  it("opening a link changes nothing but signing in: no mail, no password, no status", async () => {
    const { user } = await member();
    const url = await linkFor(user, "/my/shifts?week=2026-W12");
    const [mailBefore] = await database.db.select({ n: count() }).from(outbox);
    const [before] = await database.db.select().from(users).where(eq(users.id, user.id));
    const opened = await signInWithLink(tokenOf(url), after(1));
    expect(opened.ok && opened.destination).toBe("/my/shifts?week=2026-W12");
    const [mailAfter] = await database.db.select({ n: count() }).from(outbox);
    const [afterwards] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(mailAfter.n).toBe(mailBefore.n);
    expect({ ...afterwards, updatedAt: null }).toEqual({ ...before, updatedAt: null });
  });
});

describe("links die when the account is blocked or its password is reset", () => {
  it("a blocked member's link no longer signs in, and names the organisation that blocked access", async () => {
    const { user } = await member();
    const url = await linkFor(user);
    await database.db.update(users).set({ status: "blocked" }).where(eq(users.id, user.id));
    expect(await signInWithLink(tokenOf(url), after(1))).toEqual({ ok: false, reason: "blocked", tenantId: user.tenantId });
  });

  it("links revoked at the block stay dead after unblocking", async () => {
    const { user } = await member();
    const url = await linkFor(user);
    await database.db.transaction(async (tx) => {
      await tx.update(users).set({ status: "blocked" }).where(eq(users.id, user.id));
      expect(await revokeAccessTokens(tx, user.id, after(1))).toBe(1);
    });
    await database.db.update(users).set({ status: "active" }).where(eq(users.id, user.id));
    expect(await signInWithLink(tokenOf(url), after(2))).toEqual({ ok: false, reason: "invalid" });
    const fresh = await issueSignInLink(database.db, { userId: user.id, tenantId: user.tenantId, now: after(2) });
    expect((await signInWithLink(tokenOf(fresh), after(2))).ok).toBe(true);
  });

  it("revoking touches only that member's links", async () => {
    const { user } = await member();
    const other = await member();
    const otherUrl = await linkFor(other.user);
    await revokeAccessTokens(database.db, user.id, after(1));
    expect((await signInWithLink(tokenOf(otherUrl), after(1))).ok).toBe(true);
  });
});

describe("an authenticator app is still asked for after a link", () => {
  it("a member with an enrolled app gets a second-factor challenge, not a session", async () => {
    const { user } = await member();
    await database.db
      .update(users)
      .set({ totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: issuedAt })
      .where(eq(users.id, user.id));
    const url = await linkFor(user, "/my/shifts");
    const opened = await signInWithLink(tokenOf(url), after(1));
    expect(opened.ok && opened.kind).toBe("second-factor");
    expect(opened.ok && opened.kind === "second-factor" && opened.method).toBe("totp");
  });
});

describe("destinations and bad tokens", () => {
  it.each([
    { label: "a protocol-relative address", destination: "//evil.com" },
    { label: "an absolute address", destination: "https://evil.com/my" },
    { label: "a backslash trick", destination: "/\\evil.com" },
    { label: "a javascript: URL", destination: "javascript:alert(1)" },
    { label: "a control character", destination: "/my\r\nLocation: https://evil.com" },
  ])("a link with $label as destination is never created", async ({ destination }) => {
    const { user } = await member();
    const [before] = await database.db.select({ n: count() }).from(accessTokens);
    await expect(linkFor(user, destination)).rejects.toThrow(/only lead to a path on this site/);
    const [afterwards] = await database.db.select({ n: count() }).from(accessTokens);
    expect(afterwards.n).toBe(before.n);
  });

  it.each([
    { label: "a tampered token", token: (real: string) => `${real.slice(0, -1)}${real.endsWith("A") ? "B" : "A"}` },
    { label: "a truncated token", token: (real: string) => real.slice(0, 20) },
    { label: "a 10 kB token", token: () => "a".repeat(10_240) },
    { label: "an empty token", token: () => "" },
    { label: "a token with odd characters", token: (real: string) => `${real.slice(0, 30)}'; drop table users;--` },
  ])("$label does not sign in and changes nothing", async ({ token }) => {
    const { user } = await member();
    const url = await linkFor(user);
    const [before] = await database.db.select().from(accessTokens).where(eq(accessTokens.userId, user.id));
    expect(await signInWithLink(token(tokenOf(url)), after(1))).toEqual({ ok: false, reason: "invalid" });
    const [afterwards] = await database.db.select().from(accessTokens).where(eq(accessTokens.userId, user.id));
    expect(afterwards).toEqual(before);
  });

  it("a session from a link is refused once the member is blocked", async () => {
    const { user } = await member();
    const opened = await openAndRedeem(await linkFor(user), after(1));
    if (!opened.ok || !opened.claims) throw new Error("expected a session");
    expect(await getActorForSession(opened.claims, after(1))).not.toBeNull();
    await database.db.update(users).set({ status: "blocked" }).where(eq(users.id, user.id));
    expect(await getActorForSession(opened.claims, after(1))).toBeNull();
  });
});
