// The one place tests stub the session. lib/auth/session.ts is swapped for `stubbedSession`, whose
// getActor returns whoever `signInAs` named; everything downstream (guards, role and tenant checks,
// queries) runs for real. Each test file that calls guarded actions declares, once:
//   vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
// (vi.mock must sit in the test file itself: vitest hoists it above the imports there. The real module
// cannot be loaded under vitest at all: it imports Auth.js, which needs Next's request scope.)
import { beforeEach } from "vitest";
import { isMemberActor, type Actor, type MemberActor, type ProviderAdminActor } from "@/lib/accounts/queries";
import { setUpTestDatabase, type TestDatabase } from "./database";

type SessionModule = typeof import("@/lib/auth/session");

let current: Actor | null = null;
let currentProviderAdmin: ProviderAdminActor | null = null;

/** Every following request (getActor, and so every guarded action) acts as `actor`. */
export function signInAs(actor: Actor): void {
  current = actor;
  currentProviderAdmin = null;
}

/**
 * A provider admin's session: on their provider page, or (with `visiting`, the actor a visit resolves
 * to) in an organisation's dashboard as its admin.
 */
export function signInAsProviderAdmin(admin: ProviderAdminActor, visiting: Actor | null = null): void {
  current = visiting;
  currentProviderAdmin = admin;
}

/** No session at all: guarded actions answer "unauthorised". */
export function signOut(): void {
  current = null;
  currentProviderAdmin = null;
}

/** This test file's database (see setUpTestDatabase), with no one signed in when each test starts. */
export function setUpSignedOutDatabase(): TestDatabase {
  const database = setUpTestDatabase();
  beforeEach(() => {
    signOut();
  });
  return database;
}

const PASSWORD_CHANGE_PATH = "/my/account/password";
const PROVIDER_PATH = "/provider";
const PROVIDER_PASSWORD_PATH = "/provider/password";

/** Where the real module would redirect; thrown, so a test sees the redirect instead of a page. */
function redirect(path: string): never {
  throw new Error(`redirect: ${path}`);
}

async function requireSignedIn(): Promise<MemberActor> {
  if (!current) return redirect(currentProviderAdmin ? PROVIDER_PATH : "/sign-in");
  // A visiting provider admin has no person record: member pages send them to their provider page.
  return isMemberActor(current) ? current : redirect(PROVIDER_PATH);
}

async function requireMember(): Promise<MemberActor> {
  const actor = await requireSignedIn();
  return actor.mustChangePassword ? redirect(PASSWORD_CHANGE_PATH) : actor;
}

/**
 * Stands in for lib/auth/session.ts. The requireX keep the real module's rules on top of the stubbed
 * getActor, and `satisfies` makes the type check fail when the real module gains an export this lacks.
 */
export const stubbedSession = {
  getActor: async (): Promise<Actor | null> => current,
  getSessionCheck: async () => {
    if (current) return { status: "ok" as const, actor: current, providerAdmin: currentProviderAdmin };
    return currentProviderAdmin ? { status: "provider" as const, providerAdmin: currentProviderAdmin } : { status: "none" as const };
  },
  SESSION_ENDED_PATH: "/sign-in/ended",
  PASSWORD_CHANGE_PATH,
  PROVIDER_PATH,
  PROVIDER_PASSWORD_PATH,
  requireSignedIn,
  requireMember,
  requireCoordinator: async (): Promise<Actor> => {
    if (!current) return redirect(currentProviderAdmin ? PROVIDER_PATH : "/sign-in");
    const actor = current;
    if (actor.mustChangePassword) return redirect(actor.providerVisit ? PROVIDER_PASSWORD_PATH : PASSWORD_CHANGE_PATH);
    return actor.role === "coordinator" || actor.role === "admin" ? actor : redirect("/my");
  },
  requireProviderAdmin: async (options: { allowPasswordChangeOwed?: boolean } = {}): Promise<ProviderAdminActor> => {
    if (!currentProviderAdmin) return redirect(current ? "/my" : "/sign-in");
    if (currentProviderAdmin.mustChangePassword && !options.allowPasswordChangeOwed) return redirect(PROVIDER_PASSWORD_PATH);
    return currentProviderAdmin;
  },
} satisfies Record<keyof SessionModule, unknown>;
