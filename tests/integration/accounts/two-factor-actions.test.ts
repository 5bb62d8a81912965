// The sign-in forms a person actually posts to: the password form's per-client limit, the verify page's
// code form and "send a new code", and the authenticator-app forms, through the real server actions.
// Only Next's request helpers (headers, cookies, after), Auth.js's cookie writer and the session are
// stand-ins; the texts are the real Dutch ones, formatted the way next-intl does.
import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startAuthenticatorEnrolment } from "@/lib/accounts/two-factor/authenticator";
import { challengeCookie } from "@/lib/accounts/two-factor/challenge-cookie";
import { getActorForSession } from "@/lib/accounts/queries";
import { hashToken } from "@/lib/accounts/links/tokens";
import { accessTokens, users } from "@/lib/db/schema/accounts";
import { outbox } from "@/lib/db/schema/platform";
import { withMailBodies } from "@/tests/setup/mail-bodies";
import { defaultOrganisationSettings } from "@/lib/db/schema/tenancy";
import { createMemberWithLogin, createOrganisation } from "@/lib/demo/factories";
import nl from "@/lib/i18n/messages/nl.json";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { openSession } from "@/tests/setup/sessions";
import { markClientAddressServer } from "@/lib/auth/client-address";
import { formOf } from "@/tests/setup/forms";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));

const request = vi.hoisted(() => ({
  client: "192.0.2.1",
  cookies: new Map<string, string>(),
  signIn: [] as { provider: string; options: Record<string, unknown> }[],
  deferred: [] as unknown[],
  redirects: [] as string[],
}));
vi.mock("@/lib/auth/config", () => ({
  signIn: async (provider: string, options: Record<string, unknown>) => {
    request.signIn.push({ provider, options });
  },
  signOut: async () => {},
  auth: async () => null,
}));
// next-auth's package cannot load outside Next (it imports "next/server" without an extension).
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/headers", () => ({
  // The address the app's own server (scripts/serve.ts) derives for every request.
  headers: async () => new Headers({ "x-ploeg-client-address": request.client }),
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (options: string | { name: string }) => void request.cookies.delete(typeof options === "string" ? options : options.name),
  }),
}));
vi.mock("next/navigation", () => ({
  redirect: (path: string) => {
    request.redirects.push(path);
    throw new Error(`NEXT_REDIRECT ${path}`);
  },
}));
vi.mock("next/server", () => ({ after: (task: unknown) => void request.deferred.push(task) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"));

const { signInWithPassword } = await import("@/lib/accounts/sign-in/actions");
const { verifySignInCode, resendSignInCode, confirmAuthenticatorSetup, turnOffAuthenticator } = await import(
  "@/lib/accounts/two-factor/actions"
);

markClientAddressServer();

let database: TestDatabase;
const password = "Zonnebloem-Fiets-42";
const twoFactor = createTranslator({ locale: "nl", messages: nl, namespace: "twoFactor" });
const lockout = createTranslator({ locale: "nl", messages: nl, namespace: "lockout" });
const app = createTranslator({ locale: "nl", messages: nl, namespace: "authenticatorApp" });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
let clientNumber = 0;
beforeEach(() => {
  clientNumber += 1;
  request.client = `192.0.2.${clientNumber}`;
  request.cookies.clear();
  request.signIn.length = 0;
  request.deferred.length = 0;
  request.redirects.length = 0;
  signOut();
});

async function memberWithEmailCodes(username: string) {
  const organisation = await createOrganisation(database.db, { settings: { ...defaultOrganisationSettings, twoFactorForMembers: "email" } });
  const created = await createMemberWithLogin(database.db, { tenantId: organisation.id, username, password });
  return { organisation, ...created };
}

/** Posts the password form; a second-factor outcome redirects to the verify page with the challenge cookie set. */
async function passwordThenVerifyPage(username: string): Promise<string> {
  await expect(signInWithPassword({}, formOf({ username, password }))).rejects.toThrow("NEXT_REDIRECT /sign-in/verify");
  const challenge = request.cookies.get(challengeCookie);
  if (!challenge) throw new Error("no challenge cookie");
  return challenge;
}

async function latestCode(personId: string): Promise<string> {
  const mails = withMailBodies(
    await database.db
      .select({ id: outbox.id, toAddress: outbox.toAddress, subject: outbox.subject, sealedBody: outbox.sealedBody, createdAt: outbox.createdAt })
      .from(outbox)
      .where(eq(outbox.personId, personId)),
  );
  const newest = mails.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  const code = newest?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error("no code mail");
  return code;
}

async function triesUsed(challenge: string): Promise<number> {
  const [row] = await database.db.select({ useCount: accessTokens.useCount }).from(accessTokens).where(eq(accessTokens.tokenHash, hashToken(challenge)));
  return row.useCount;
}

describe("the password form's per-client limit", () => {
  it("the 11th request within a minute from one client is refused with a clear message, before the password is checked", async () => {
    const organisation = await createOrganisation(database.db);
    const { user } = await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "druk.apparaat", password });
    const answers = [];
    for (let attempt = 1; attempt <= 11; attempt++) answers.push(await signInWithPassword({}, formOf({ username: "onbekend.iemand", password: "fout" })));
    expect(answers.slice(0, 10).every((answer) => answer.error === nl.signIn.invalid)).toBe(true);
    expect(answers[10].error).toMatch(/^Te veel pogingen vanaf dit apparaat\. Probeer het over \d+ seconden opnieuw\.$/);

    // While limited, a real account's password is not even checked, so no failure is counted towards lockout.
    expect((await signInWithPassword({}, formOf({ username: "druk.apparaat", password: "fout" }))).error).toMatch(/^Te veel pogingen/);
    const [row] = await database.db.select({ failed: users.failedPasswordCount }).from(users).where(eq(users.id, user.id));
    expect(row.failed).toBe(0);

    request.client = "192.0.2.250";
    expect((await signInWithPassword({}, formOf({ username: "onbekend.iemand", password: "fout" }))).error).toBe(nl.signIn.invalid);
  });
});

describe("the verify page's code form", () => {
  it("a right code signs in through Auth.js with the ticket, opens /my and clears the challenge cookie", async () => {
    const { person } = await memberWithEmailCodes("formulier.goed");
    await passwordThenVerifyPage("formulier.goed");
    expect(await verifySignInCode({}, formOf({ code: await latestCode(person.id) }))).toEqual({});
    expect(request.signIn).toHaveLength(1);
    expect(request.signIn[0]).toMatchObject({ provider: "credentials", options: { redirectTo: "/my" } });
    expect(request.cookies.has(challengeCookie)).toBe(false);
  });

  it("a wrong code says how many tries are left", async () => {
    const { person } = await memberWithEmailCodes("formulier.fout");
    await passwordThenVerifyPage("formulier.fout");
    const code = await latestCode(person.id);
    const wrong = code === "000000" ? "000001" : "000000";
    expect(await verifySignInCode({}, formOf({ code: wrong }))).toEqual({ error: "Deze code klopt niet. Je kunt het nog 4 keer proberen." });
    expect(request.signIn).toHaveLength(0);
  });

  it.each([
    { label: "an empty code", username: "leeg.veld", code: "", message: twoFactor("codeRequired") },
    { label: "letters", username: "letters.veld", code: "abc123", message: twoFactor("codeFormat") },
    { label: "a 10 kB paste", username: "lang.veld", code: "7".repeat(10_240), message: twoFactor("codeFormat") },
  ])("$label gets a clear message and uses no try", async ({ username, code, message }) => {
    await memberWithEmailCodes(username);
    const challenge = await passwordThenVerifyPage(username);
    expect(await verifySignInCode({}, formOf({ code }))).toEqual({ error: message });
    expect(await triesUsed(challenge)).toBe(0);
  });

  it("a tampered challenge cookie, or none at all, sends the member back to sign in and changes nothing", async () => {
    const { person } = await memberWithEmailCodes("formulier.geknoeid");
    const challenge = await passwordThenVerifyPage("formulier.geknoeid");
    const code = await latestCode(person.id);
    request.cookies.set(challengeCookie, `${challenge.slice(0, -2)}xx`);
    expect(await verifySignInCode({}, formOf({ code }))).toEqual({ error: twoFactor("invalid"), restart: true });
    request.cookies.delete(challengeCookie);
    expect(await verifySignInCode({}, formOf({ code }))).toEqual({ error: twoFactor("invalid"), restart: true });
    expect(await triesUsed(challenge)).toBe(0);
    expect(request.signIn).toHaveLength(0);
  });

  it("the verify form shares the per-client limit of every sign-in endpoint", async () => {
    await memberWithEmailCodes("formulier.druk");
    await passwordThenVerifyPage("formulier.druk");
    const answers = [];
    for (let attempt = 1; attempt <= 10; attempt++) answers.push(await verifySignInCode({}, formOf({ code: "" })));
    expect(answers[8].error).toBe(twoFactor("codeRequired"));
    expect(answers[9].error).toMatch(/^Te veel pogingen/);
    expect(lockout("tooManyAttempts", { seconds: 1 })).toBe("Te veel pogingen vanaf dit apparaat. Probeer het over 1 seconde opnieuw.");
  });
});

describe("“Stuur een nieuwe code”", () => {
  it("right after the first code it asks to wait, and the member keeps the challenge", async () => {
    await memberWithEmailCodes("opnieuw.sturen");
    await passwordThenVerifyPage("opnieuw.sturen");
    const answer = await resendSignInCode();
    expect(answer.error).toMatch(/^Je hebt net een code gekregen\. Over \d+ seconden kun je een nieuwe vragen\.$/);
    expect(request.deferred).toHaveLength(0);
  });

  it("without a challenge it sends the member back to sign in", async () => {
    expect(await resendSignInCode()).toEqual({ error: twoFactor("invalid"), restart: true });
  });
});

describe("the authenticator-app forms", () => {
  it("a signed-out visitor cannot confirm or switch off an app", async () => {
    expect(await confirmAuthenticatorSetup({}, formOf({ code: "123456" }))).toEqual({ error: app("failed") });
    expect(await turnOffAuthenticator({}, formOf({ password }))).toEqual({ error: app("failed") });
  });

  it("confirming with letters or nothing gets a clear message and leaves the app off", async () => {
    const organisation = await createOrganisation(database.db);
    const { user } = await createMemberWithLogin(database.db, { tenantId: organisation.id, username: "app.formulier", password });
    const actor = await getActorForSession(await openSession(user));
    if (!actor) throw new Error("no actor");
    signInAs(actor);
    await startAuthenticatorEnrolment(organisation.id, user.id);
    expect(await confirmAuthenticatorSetup({}, formOf({ code: "" }))).toEqual({ error: app("codeRequired") });
    expect(await confirmAuthenticatorSetup({}, formOf({ code: "12 34 ab" }))).toEqual({ error: app("codeFormat") });
    expect(await confirmAuthenticatorSetup({}, formOf({ code: "000000" }))).toEqual({ error: app("wrongCode") });
    expect(await turnOffAuthenticator({}, formOf({ code: "", password: "" }))).toEqual({ error: app("proofRequired") });
    const [row] = await database.db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, user.id));
    expect(row.enabledAt).toBeNull();
  });
});
