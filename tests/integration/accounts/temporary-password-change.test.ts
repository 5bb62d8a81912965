// Replacing a coordinator-set temporary password: the member's own password must be a different one,
// because the coordinator (and whoever saw its email or export) knows the temporary one. Through the
// real password form action; only Next's request helpers, Auth.js's cookie writer and the session are
// stand-ins, and the texts are the real Dutch ones.
import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { changeOwnPassword } from "@/lib/accounts/own-account/own-account";
import { passwordSignInSchema } from "@/lib/accounts/sign-in/schemas";
import { checkPassword } from "@/lib/accounts/sign-in/password-sign-in";
import { temporaryPasswordExpiresAt } from "@/lib/accounts/rules";
import { users } from "@/lib/db/schema/accounts";
import { createMemberWithLogin, createOrganisation } from "@/lib/demo/factories";
import nl from "@/lib/i18n/messages/nl.json";
import en from "@/lib/i18n/messages/en.json";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf } from "./access-fixtures";
import { formOf } from "@/tests/setup/forms";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));

const request = vi.hoisted(() => ({ client: "192.0.2.1", signIn: [] as unknown[] }));
vi.mock("@/lib/auth/config", () => ({
  signIn: async (...args: unknown[]) => void request.signIn.push(args),
  signOut: async () => {},
  auth: async () => null,
}));
// next-auth's package cannot load outside Next (it imports "next/server" without an extension).
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/client", () => ({ getClientKey: async () => request.client }));
vi.mock("next/headers", () => import("@/tests/setup/next-request").then((m) => m.emptyHeaders));
vi.mock("next/navigation", () => import("@/tests/setup/next-request").then((m) => m.throwingNavigation));
vi.mock("next/server", () => ({ after: () => {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"));

const { changeMyPassword } = await import("@/lib/accounts/own-account/actions");

let database: TestDatabase;
// Strong enough for the password rules, so only "the same as before" can refuse it.
const temporary = "vrolijke pinguin fietst naar zee";
const chosen = "mijn eigen fietsbel zondag";
const accountTexts = createTranslator({ locale: "nl", messages: nl, namespace: "account" });

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
  request.signIn.length = 0;
  signOut();
});

/** A member who signed in with a coordinator-set temporary password and now owes an own one. */
async function memberOnTemporaryPassword(username: string) {
  const organisation = await createOrganisation(database.db);
  const member = await createMemberWithLogin(database.db, {
    tenantId: organisation.id,
    username,
    password: temporary,
    login: { mustChangePassword: true, temporaryPasswordExpiresAt: temporaryPasswordExpiresAt(new Date()) },
  });
  expect((await checkPassword(passwordSignInSchema.parse({ username, password: temporary }))).ok).toBe(true);
  return member;
}

async function loginRow(userId: string) {
  const [row] = await database.db
    .select({ passwordHash: users.passwordHash, mustChangePassword: users.mustChangePassword, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

describe("replacing a temporary password", () => {
  it("the temporary password itself is refused as the new one, with a clear message, and nothing changes", async () => {
    const member = await memberOnTemporaryPassword("zelfde.tijdelijk");
    const before = await loginRow(member.user.id);
    signInAs(await actorOf(member));
    expect(await changeMyPassword({}, formOf({ password: temporary, passwordRepeat: temporary }))).toEqual({ error: accountTexts("sameAsTemporary") });
    expect(request.signIn).toHaveLength(0);
    expect(await loginRow(member.user.id)).toEqual(before);
    expect((await loginRow(member.user.id)).mustChangePassword).toBe(true);
  });

  it("the use case itself refuses it, whichever form calls it", async () => {
    const member = await memberOnTemporaryPassword("zelfde.usecase");
    expect(
      await changeOwnPassword({ userId: member.user.id, tenantId: member.user.tenantId ?? "" }, { password: temporary, passwordRepeat: temporary }, { clientKey: "t" }),
    ).toEqual({ ok: false, error: "sameAsTemporary" });
  });

  it("a different password of the member's own is accepted and ends the forced change", async () => {
    const member = await memberOnTemporaryPassword("ander.wachtwoord");
    signInAs(await actorOf(member));
    await changeMyPassword({}, formOf({ password: chosen, passwordRepeat: chosen }));
    expect(request.signIn).toHaveLength(1);
    expect((await loginRow(member.user.id)).mustChangePassword).toBe(false);
  });

  it("the message exists in Dutch and English", () => {
    expect(nl.account.sameAsTemporary).toMatch(/tijdelijke wachtwoord/);
    expect(en.account.sameAsTemporary).toMatch(/temporary password/);
  });
});
