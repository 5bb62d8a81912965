// A member chooses Dutch or English on Mijn account, through the real server action and guard; the
// choice reaches the actor (and so every page) and the next email sent to them.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTranslator } from "next-intl";
import { getActorForSession } from "@/lib/accounts/queries";
import { users } from "@/lib/db/schema/accounts";
import { outbox } from "@/lib/db/schema/platform";
import { createMemberWithLogin, createOrganisation, type Organisation } from "@/lib/demo/factories";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";
import { sendSignInLink } from "@/lib/mail/messages";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { formOf } from "@/tests/setup/forms";
import { withMailBodies } from "@/tests/setup/mail-bodies";
import { openSession } from "@/tests/setup/sessions";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
const cookieJar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-ploeg-client-address": "192.0.2.7" }),
  cookies: async () => ({ get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) } : undefined), set: (name: string, value: string) => void cookieJar.set(name, value), delete: () => {} }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
// The actions file also holds the password change, which signs in again through Auth.js.
vi.mock("@/lib/auth/config", () => ({ signIn: async () => {}, signOut: async () => {}, auth: async () => null }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/server", () => ({ after: () => {} }));
// Dutch by default, as a Dutch request sees it; the language named in the call when the action asks for one.
vi.mock("next-intl/server", async () => {
  const dutch = await import("@/tests/setup/next-intl-dutch");
  const english = (await import("@/lib/i18n/messages/en.json")).default;
  return {
    ...dutch,
    getTranslations: async (value?: string | { locale?: string; namespace?: string }) =>
      typeof value === "object" && value.locale === "en" ? createTranslator({ locale: "en", messages: english as Record<string, unknown>, namespace: value.namespace }) : dutch.getTranslations(value),
  };
});

const { chooseMyLanguage } = await import("@/lib/accounts/own-account/actions");

let database: TestDatabase;
let dutchOrganisation: Organisation;
let englishOrganisation: Organisation;

beforeAll(async () => {
  database = await createTestDatabase();
  dutchOrganisation = await createOrganisation(database.db, { locale: "nl" });
  englishOrganisation = await createOrganisation(database.db, { locale: "en" });
});
afterAll(async () => {
  await database.close();
});
beforeEach(() => {
  cookieJar.clear();
  signOut();
});

async function memberOf(organisation: Organisation) {
  return createMemberWithLogin(database.db, { tenantId: organisation.id });
}

async function actorOf(member: { user: { id: string; sessionVersion: number } }) {
  const actor = await getActorForSession(await openSession(member.user));
  if (!actor) throw new Error("no actor");
  return actor;
}

async function storedLocale(userId: string) {
  const [row] = await database.db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return row.locale;
}

async function sendLinkTo(organisation: Organisation, member: Awaited<ReturnType<typeof memberOf>>) {
  const id = await database.db.transaction((tx) =>
    sendSignInLink(tx, { tenantId: organisation.id, person: { id: member.person.id, firstName: member.person.firstName, email: "lid@example.org" }, username: member.user.username, url: "/l/abc" }),
  );
  const [mail] = withMailBodies(await database.db.select().from(outbox).where(eq(outbox.id, id)));
  return mail;
}

describe("a member chooses the language of their pages and emails", () => {
  it("a member who chooses English has it stored and is answered in English", async () => {
    const member = await memberOf(dutchOrganisation);
    signInAs(await actorOf(member));

    const state = await chooseMyLanguage({}, formOf({ locale: "en" }));

    expect(state).toEqual({ saved: en.account.languageSaved, value: "en" });
    expect(await storedLocale(member.user.id)).toBe("en");
    expect((await actorOf(member)).locale).toBe("en");
    expect(cookieJar.get("PLOEG_LOCALE")).toBe("en");
  });

  it("a member who switches back to Dutch is answered in Dutch", async () => {
    const member = await memberOf(dutchOrganisation);
    await database.db.update(users).set({ locale: "en" }).where(eq(users.id, member.user.id));
    signInAs(await actorOf(member));

    const state = await chooseMyLanguage({}, formOf({ locale: "nl" }));

    expect(state).toEqual({ saved: nl.account.languageSaved, value: "nl" });
    expect(await storedLocale(member.user.id)).toBe("nl");
  });

  it("a language other than Dutch or English is refused and nothing is stored", async () => {
    const member = await memberOf(dutchOrganisation);
    signInAs(await actorOf(member));

    const state = await chooseMyLanguage({}, formOf({ locale: "de" }));

    expect(state).toEqual({ error: nl.account.languageInvalid });
    expect(await storedLocale(member.user.id)).toBeNull();
    expect(cookieJar.size).toBe(0);
  });

  it("someone who is not signed in is sent to sign in and nothing is stored", async () => {
    const member = await memberOf(dutchOrganisation);

    await expect(chooseMyLanguage({}, formOf({ locale: "en" }))).rejects.toThrow();

    expect(await storedLocale(member.user.id)).toBeNull();
    expect(cookieJar.size).toBe(0);
  });

  it("a member only changes their own login, whatever the form names", async () => {
    const member = await memberOf(dutchOrganisation);
    const colleague = await memberOf(dutchOrganisation);
    signInAs(await actorOf(member));

    await chooseMyLanguage({}, formOf({ locale: "en", userId: colleague.user.id }));

    expect(await storedLocale(member.user.id)).toBe("en");
    expect(await storedLocale(colleague.user.id)).toBeNull();
  });
});

describe("the language of a member's pages and emails is their own choice, else their organisation's", () => {
  it("the next email to a member who chose English is in English", async () => {
    const member = await memberOf(dutchOrganisation);
    signInAs(await actorOf(member));
    await chooseMyLanguage({}, formOf({ locale: "en" }));

    const mail = await sendLinkTo(dutchOrganisation, member);

    expect(mail.subject).toBe(`Sign in to ${dutchOrganisation.name}`);
    expect(mail.text).toContain("Please don't forward this email");
  });

  it("a member who chose Dutch gets Dutch email from an English-speaking organisation", async () => {
    const member = await memberOf(englishOrganisation);
    await database.db.update(users).set({ locale: "nl" }).where(eq(users.id, member.user.id));

    expect((await actorOf(member)).locale).toBe("nl");
    expect((await sendLinkTo(englishOrganisation, member)).subject).toBe(`Inloggen bij ${englishOrganisation.name}`);
  });

  it("a member without a choice gets the organisation's language, on their pages and in their email", async () => {
    const dutch = await memberOf(dutchOrganisation);
    const english = await memberOf(englishOrganisation);

    expect((await actorOf(dutch)).locale).toBe("nl");
    expect((await actorOf(english)).locale).toBe("en");
    expect((await sendLinkTo(dutchOrganisation, dutch)).subject).toBe(`Inloggen bij ${dutchOrganisation.name}`);
    expect((await sendLinkTo(englishOrganisation, english)).subject).toBe(`Sign in to ${englishOrganisation.name}`);
  });
});
