// The one place tests stub the session. lib/auth/session.ts is swapped for `stubbedSession`, whose
// getActor returns whoever `signInAs` named; everything downstream (guards, role and tenant checks,
// queries) runs for real. Each test file that calls guarded actions declares, once:
//   vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
// (vi.mock must sit in the test file itself: vitest hoists it above the imports there. The real module
// cannot be loaded under vitest at all: it imports Auth.js, which needs Next's request scope.)
import type { Actor } from "@/lib/accounts/queries";

type SessionModule = typeof import("@/lib/auth/session");

let current: Actor | null = null;

/** Every following request (getActor, and so every guarded action) acts as `actor`. */
export function signInAs(actor: Actor): void {
  current = actor;
}

/** No session at all: guarded actions answer "unauthorised". */
export function signOut(): void {
  current = null;
}

const PASSWORD_CHANGE_PATH = "/my/account/password";

/** Where the real module would redirect; thrown, so a test sees the redirect instead of a page. */
function redirect(path: string): never {
  throw new Error(`redirect: ${path}`);
}

async function requireSignedIn(): Promise<Actor> {
  return current ?? redirect("/sign-in");
}

async function requireMember(): Promise<Actor> {
  const actor = await requireSignedIn();
  return actor.mustChangePassword ? redirect(PASSWORD_CHANGE_PATH) : actor;
}

/**
 * Stands in for lib/auth/session.ts. The requireX keep the real module's rules on top of the stubbed
 * getActor, and `satisfies` makes the type check fail when the real module gains an export this lacks.
 */
export const stubbedSession = {
  getActor: async (): Promise<Actor | null> => current,
  getSessionCheck: async () => (current ? { status: "ok" as const, actor: current } : { status: "none" as const }),
  SESSION_ENDED_PATH: "/sign-in/ended",
  PASSWORD_CHANGE_PATH,
  requireSignedIn,
  requireMember,
  requireCoordinator: async (): Promise<Actor> => {
    const actor = await requireMember();
    return actor.role === "coordinator" || actor.role === "admin" ? actor : redirect("/my");
  },
} satisfies Record<keyof SessionModule, unknown>;
