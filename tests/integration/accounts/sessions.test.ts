// A signed-in session lives on the server: signing out ends it for every copy of the cookie, "log out
// on all devices" ends all of them, and idle or old sessions stop working. Through the real actions and
// guards; only the cookie reader, Auth.js's cookie writer and Next's request helpers are stand-ins.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { blockedNoticePath, getBlockedNoticeContact, readBlockedNotice } from "@/lib/accounts/blocking/blocked-notice";
import { checkSession, getActorForSession, type SessionClaims } from "@/lib/accounts/queries";
import { SESSION_IDLE_DAYS, SESSION_LIFETIME_DAYS } from "@/lib/accounts/sign-in/session-rules";
import { authSessions, users } from "@/lib/db/schema/accounts";
import { createMemberWithLogin, createOrganisation } from "@/lib/demo/factories";
import { setUpTestDatabase } from "@/tests/setup/database";
import { openSession } from "@/tests/setup/sessions";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));

const request = vi.hoisted(() => ({ cookie: null as SessionClaims | null, signedOut: 0 }));
vi.mock("@/lib/auth/session-token", () => ({
  readSessionCookie: async () => request.cookie,
  hasSessionCookie: async () => request.cookie !== null,
}));
vi.mock("@/lib/auth/config", () => ({
  signIn: async () => {},
  signOut: async () => {
    request.signedOut += 1;
  },
  auth: async () => null,
}));
// next-auth's package cannot load outside Next (it imports "next/server" without an extension).
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/headers", () => import("@/tests/setup/next-request").then((m) => m.emptyHeaders));

const { signOutMember, signOutEverywhere } = await import("@/lib/accounts/sign-in/actions");

const database = setUpTestDatabase();
beforeEach(() => {
  request.cookie = null;
  request.signedOut = 0;
  signOut();
});

const DAY = 24 * 60 * 60 * 1000;
const signedInAt = new Date(Date.now() - 60_000);
const later = (ms: number) => new Date(signedInAt.getTime() + ms);

async function member(organisationEmail: string | null = "bestuur@buurthuis.example") {
  const organisation = await createOrganisation(database.db, { email: organisationEmail });
  const created = await createMemberWithLogin(database.db, { tenantId: organisation.id });
  return { ...created, organisation };
}

async function sessionRows(userId: string) {
  return database.db.select().from(authSessions).where(eq(authSessions.userId, userId));
}

describe("signing out ends the session on the server", () => {
  it("a cookie copied before sign-out is refused after it", async () => {
    const { user } = await member();
    const cookie = await openSession(user, signedInAt);
    const copied = { ...cookie };
    expect(await getActorForSession(copied)).not.toBeNull();

    request.cookie = cookie;
    await signOutMember();

    expect(request.signedOut).toBe(1);
    expect(await getActorForSession(copied)).toBeNull();
    expect(await checkSession(copied)).toEqual({ status: "ended" });
  });

  it("signing out on one phone leaves the member signed in on their other devices", async () => {
    const { user } = await member();
    const phone = await openSession(user, signedInAt);
    const laptop = await openSession(user, signedInAt);
    request.cookie = phone;
    await signOutMember();
    expect(await getActorForSession(phone)).toBeNull();
    expect(await getActorForSession(laptop)).not.toBeNull();
  });

  it("a session id from one account cannot sign in as another", async () => {
    const one = await member();
    const other = await member();
    const cookie = await openSession(one.user, signedInAt);
    expect(await getActorForSession({ ...cookie, userId: other.user.id, sessionVersion: other.user.sessionVersion })).toBeNull();
  });

  it("log out on all devices ends every other session", async () => {
    const { user } = await member();
    const neighbour = await member();
    const devices = [await openSession(user, signedInAt), await openSession(user, signedInAt), await openSession(user, signedInAt)];
    const neighbourSession = await openSession(neighbour.user, signedInAt);
    const actor = await getActorForSession(devices[0]);
    if (!actor) throw new Error("expected a session");
    signInAs(actor);

    await signOutEverywhere(new FormData());

    for (const device of devices) expect(await getActorForSession(device)).toBeNull();
    expect(await sessionRows(user.id)).toHaveLength(0);
    expect(request.signedOut).toBe(1);
    expect(await getActorForSession(neighbourSession)).not.toBeNull();
  });

  it("log out on all devices without a session changes nothing", async () => {
    const { user } = await member();
    const device = await openSession(user, signedInAt);
    await signOutEverywhere(new FormData());
    expect(await getActorForSession(device)).not.toBeNull();
  });
});

describe(`a session ends ${SESSION_IDLE_DAYS} days after its last use and ${SESSION_LIFETIME_DAYS} days after signing in`, () => {
  it("a session unused for longer than the idle timeout is refused", async () => {
    const { user } = await member();
    const cookie = await openSession(user, signedInAt);
    expect(await getActorForSession(cookie, later(SESSION_IDLE_DAYS * DAY - 60_000))).not.toBeNull();

    const idle = await openSession(user, signedInAt);
    expect(await checkSession(idle, later(SESSION_IDLE_DAYS * DAY + 60_000))).toEqual({ status: "ended" });
  });

  it("every use moves the idle timeout on, but never past the absolute lifetime", async () => {
    const { user } = await member();
    const cookie = await openSession(user, signedInAt);
    for (let day = 10; day < SESSION_LIFETIME_DAYS; day += 10) {
      expect(await getActorForSession(cookie, later(day * DAY))).not.toBeNull();
    }
    expect(await getActorForSession(cookie, later(SESSION_LIFETIME_DAYS * DAY - 60_000))).not.toBeNull();
    expect(await getActorForSession(cookie, later(SESSION_LIFETIME_DAYS * DAY + 60_000))).toBeNull();
  });

  it("last use is written at most every five minutes, so most requests are a single read", async () => {
    const { user } = await member();
    const cookie = await openSession(user, signedInAt);
    const lastSeen = async () => (await sessionRows(user.id))[0].lastSeenAt.getTime();
    await getActorForSession(cookie, later(4 * 60_000));
    expect(await lastSeen()).toBe(signedInAt.getTime());
    await getActorForSession(cookie, later(6 * 60_000));
    expect(await lastSeen()).toBe(later(6 * 60_000).getTime());
  });

  it("a new sign-in clears the account's sessions that ended by time", async () => {
    const { user } = await member();
    await openSession(user, new Date(Date.now() - (SESSION_LIFETIME_DAYS + 1) * DAY));
    const current = await openSession(user);
    const rows = await sessionRows(user.id);
    expect(rows).toHaveLength(1);
    expect(await getActorForSession(current)).not.toBeNull();
  });
});

describe("a blocked member who taps on is told who blocked access", () => {
  it("a blocked member's open session is refused as blocked, naming the organisation", async () => {
    const { user, organisation } = await member();
    const cookie = await openSession(user, signedInAt);
    await database.db.update(users).set({ status: "blocked", sessionVersion: user.sessionVersion + 1 }).where(eq(users.id, user.id));
    expect(await checkSession(cookie)).toEqual({ status: "blocked", tenantId: organisation.id });
    expect(await getActorForSession(cookie)).toBeNull();
  });

  it("the blocked page shows the organisation's name and contact address from a signed link only", async () => {
    const { organisation } = await member("coordinatie@voedselbank.example");
    const path = blockedNoticePath(organisation.id);
    const param = new URL(path, "http://localhost").searchParams.get("o");
    const tenantId = readBlockedNotice(param);
    expect(tenantId).toBe(organisation.id);
    expect(await getBlockedNoticeContact(organisation.id)).toEqual({ organisationName: organisation.name, email: "coordinatie@voedselbank.example" });

    const other = await member();
    const forged = `${other.organisation.id}.${param?.split(".")[1]}`;
    expect(readBlockedNotice(forged)).toBeNull();
    expect(readBlockedNotice(`${organisation.id}.`)).toBeNull();
    expect(readBlockedNotice(undefined)).toBeNull();
  });
});
