// The one place tests stub the session. lib/auth/session.ts is swapped for `stubbedSession`, whose
// getActor returns whoever `signInAs` named; everything downstream (guards, role and tenant checks,
// queries) runs for real. Each test file that calls guarded actions declares, once:
//   vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
// (vi.mock must sit in the test file itself: vitest hoists it above the imports there. The real module
// cannot be loaded under vitest at all: it imports Auth.js, which needs Next's request scope.)
import { isMemberActor, type Actor, type MemberActor } from "@/lib/accounts/queries";

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
const PROVIDER_PATH = "/provider";
const PROVIDER_PASSWORD_PATH = "/provider/password";

/** Where the real module would redirect; thrown, so a test sees the redirect instead of a page. */
function redirect(path: string): never {
  throw new Error(`redirect: ${path}`);
}

async function requireSignedIn(): Promise<MemberActor> {
  if (!current) return redirect("/sign-in");
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
 * Provider pages are not stubbed: their tests call the use cases (lib/tenancy/provider-*.ts) directly.
 */
export const stubbedSession = {
  getActor: async (): Promise<Actor | null> => current,
  getSessionCheck: async () => (current ? { status: "ok" as const, actor: current, providerAdmin: null } : { status: "none" as const }),
  SESSION_ENDED_PATH: "/sign-in/ended",
  PASSWORD_CHANGE_PATH,
  PROVIDER_PATH,
  PROVIDER_PASSWORD_PATH,
  requireSignedIn,
  requireMember,
  requireCoordinator: async (): Promise<Actor> => {
    if (!current) return redirect("/sign-in");
    const actor = current;
    if (actor.mustChangePassword) return redirect(actor.providerVisit ? PROVIDER_PASSWORD_PATH : PASSWORD_CHANGE_PATH);
    return actor.role === "coordinator" || actor.role === "admin" ? actor : redirect("/my");
  },
  requireProviderAdmin: async (): Promise<never> => redirect("/sign-in"),
} satisfies Record<keyof SessionModule, unknown>;
