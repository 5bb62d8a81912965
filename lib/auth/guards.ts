// The only way to build a server action that touches tenant data: session → membership → tenant →
// role are resolved on the server and checked before the input is even parsed. Fails closed. Every
// refusal, including a handler's `refuse()` and an input naming another organisation's records, is
// recorded in one place (lib/auth/refusals.ts).
import type { z } from "zod";
import { isMemberActor, type Actor, type MemberActor, type ProviderAdminActor } from "@/lib/accounts/queries";
import { CONTROL_CHARACTERS, findControlCharacterField } from "@/lib/plain-text";
import { canAdminister, canCoordinate } from "./permissions";
import { getActor, getSessionCheck } from "./session";
import { findOtherOrganisationReference } from "./tenant-references";
import { RefusedError, recordGuardPassed, recordRefusal, refuse, type GuardLevel, type RefusalReason } from "./refusals";

export { refuse, RefusedError } from "./refusals";

/**
 * "notFound" is the one answer for a record that does not exist in the actor's organisation: a
 * deleted one, a made-up id, and another organisation's record (the last is also logged as a
 * refusal), so an answer never tells which ids exist elsewhere.
 */
export type ActionResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: "unauthorised" | "forbidden" | "invalid" | "notFound"; fieldErrors?: Record<string, string[]> };

/** A handler's way to say "no such record here": answered as `notFound`, not logged (nothing was refused). */
export class RecordNotFoundError extends Error {
  constructor() {
    super("record not found");
    this.name = "RecordNotFoundError";
  }
}

export function recordNotFound(): never {
  throw new RecordNotFoundError();
}

type Handler<S extends z.ZodType, T> = (actor: Actor, input: z.output<S>) => Promise<T>;
type MemberHandler<S extends z.ZodType, T> = (actor: MemberActor, input: z.output<S>) => Promise<T>;

// Member levels need a person record: a visiting provider admin has none and is refused there.
const allowedRoles: Record<GuardLevel, (actor: Actor) => boolean> = {
  member: isMemberActor,
  ownPassword: isMemberActor,
  coordinator: (actor) => canCoordinate(actor.role),
  admin: (actor) => canAdminister(actor.role),
  // Provider levels are checked by checkProviderAdmin: no organisation actor passes them here.
  provider: () => false,
  providerPassword: () => false,
};

/**
 * The session checks every guarded entry point shares (actions here, route handlers in
 * route-guards.ts): the actor, or the reason and the refusal already recorded.
 */
export async function checkActor(
  name: string,
  level: GuardLevel,
): Promise<{ ok: true; actor: Actor } | { ok: false; error: "unauthorised" | "forbidden"; reason: RefusalReason }> {
  const actor = await getActor();
  if (!actor) {
    await recordRefusal({ actor: null, action: name, level, reason: "signedOut" });
    return { ok: false, error: "unauthorised", reason: "signedOut" };
  }
  if (actor.mustChangePassword && level !== "ownPassword") {
    await recordRefusal({ actor, action: name, level, reason: "passwordChangeOwed" });
    return { ok: false, error: "unauthorised", reason: "passwordChangeOwed" };
  }
  if (!allowedRoles[level](actor)) {
    await recordRefusal({ actor, action: name, level, reason: "role" });
    return { ok: false, error: "forbidden", reason: "role" };
  }
  return { ok: true, actor };
}

/** Runs a guarded handler; a `refuse()` or a reference to another organisation ends as a recorded refusal. */
/**
 * Whether `input` names a record of another organisation; if so the refusal is recorded. Guards call
 * it on an action's input; a route that reads its own body calls it on that body and then answers as
 * for a missing record (`recordNotFound()`).
 */
export async function refusesOtherOrganisationReference(name: string, level: GuardLevel, actor: Actor, input: unknown): Promise<boolean> {
  const foreign = await findOtherOrganisationReference(actor.tenantId, input);
  if (!foreign) return false;
  await recordRefusal({ actor, action: name, level, reason: "otherOrganisation", details: { field: foreign } });
  return true;
}

export async function runRefusable<T>(
  name: string,
  level: GuardLevel,
  actor: Actor,
  input: unknown,
  handler: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; notFound: boolean }> {
  if (await refusesOtherOrganisationReference(name, level, actor, input)) return { ok: false, notFound: true };
  recordGuardPassed({ action: name, level });
  try {
    return { ok: true, value: await handler() };
  } catch (error) {
    if (error instanceof RecordNotFoundError) return { ok: false, notFound: true };
    if (!(error instanceof RefusedError)) throw error;
    await recordRefusal({ actor, action: name, level, reason: error.reason });
    return { ok: false, notFound: false };
  }
}

type Parsed<S extends z.ZodType> = { ok: true; data: z.output<S> } | { ok: false; error: "invalid"; fieldErrors: Record<string, string[]> };

/** The input edge every action shares: control characters refused, then the schema, as field errors. */
function parseInput<S extends z.ZodType>(schema: S, input: unknown): Parsed<S> {
  // Control characters are refused here, at the edge of every action, before any schema sees them.
  const tainted = findControlCharacterField(input);
  if (tainted) return { ok: false, error: "invalid", fieldErrors: { [tainted]: [CONTROL_CHARACTERS] } };
  const raw = input instanceof FormData ? Object.fromEntries(input) : input;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, error: "invalid", fieldErrors };
}

function buildAction<S extends z.ZodType, T>(level: GuardLevel, name: string, schema: S, handler: Handler<S, T>) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    const checked = await checkActor(name, level);
    if (!checked.ok) return { ok: false, error: checked.error };
    const { actor } = checked;
    const parsed = parseInput(schema, input);
    if (!parsed.ok) return parsed;
    const result = await runRefusable(name, level, actor, parsed.data, () => handler(actor, parsed.data));
    if (result.ok) return result;
    return { ok: false, error: result.notFound ? "notFound" : "forbidden" };
  };
}

/**
 * The actor of a member-level handler. checkActor already refused an actor without a person record at
 * these levels; this keeps the type honest without an assertion.
 */
export function asMemberActor(actor: Actor): MemberActor {
  if (!isMemberActor(actor)) refuse("role");
  return actor;
}

/**
 * An action any active member of an organisation may call; the handler gets the actor (with their
 * person record) and typed input. `name` is what the security log shows when the action is refused.
 */
export function memberAction<S extends z.ZodType, T>(name: string, schema: S, handler: MemberHandler<S, T>) {
  return buildAction("member", name, schema, (actor, input) => handler(asMemberActor(actor), input));
}

/**
 * The one kind of action a member may call while a coordinator-set password must still be replaced:
 * replacing it. Same session checks as memberAction otherwise.
 */
export function ownPasswordAction<S extends z.ZodType, T>(name: string, schema: S, handler: MemberHandler<S, T>) {
  return buildAction("ownPassword", name, schema, (actor, input) => handler(asMemberActor(actor), input));
}

/**
 * An action for coordinators and admins of the actor's own organisation, including a provider admin
 * visiting it as admin: `actor.personId` is null then.
 */
export function coordinatorAction<S extends z.ZodType, T>(name: string, schema: S, handler: Handler<S, T>) {
  return buildAction("coordinator", name, schema, handler);
}

/** An action for organisation admins (settings, email texts, logins and roles). */
export function adminAction<S extends z.ZodType, T>(name: string, schema: S, handler: Handler<S, T>) {
  return buildAction("admin", name, schema, handler);
}

/**
 * The session checks of a provider page's action: a provider admin (visiting an organisation or not),
 * who no longer owes a password change unless the action is the change itself. Organisation members
 * are refused; their refusal is written to their organisation's security log as usual.
 */
async function checkProviderAdmin(
  name: string,
  level: "provider" | "providerPassword",
): Promise<{ ok: true; admin: ProviderAdminActor } | { ok: false; error: "unauthorised" | "forbidden" }> {
  const check = await getSessionCheck();
  if (check.status !== "ok" && check.status !== "provider") {
    await recordRefusal({ actor: null, action: name, level, reason: "signedOut" });
    return { ok: false, error: "unauthorised" };
  }
  const actor = check.status === "ok" ? check.actor : null;
  const admin = check.providerAdmin;
  const owed = admin ? admin.mustChangePassword : (actor?.mustChangePassword ?? false);
  if (owed && (level !== "providerPassword" || !admin)) {
    await recordRefusal({ actor, action: name, level, reason: "passwordChangeOwed" });
    return { ok: false, error: "unauthorised" };
  }
  if (!admin) {
    await recordRefusal({ actor, action: name, level, reason: "role" });
    return { ok: false, error: "forbidden" };
  }
  return { ok: true, admin };
}

type ProviderHandler<S extends z.ZodType, T> = (admin: ProviderAdminActor, input: z.output<S>) => Promise<T>;

function buildProviderAction<S extends z.ZodType, T>(level: "provider" | "providerPassword", name: string, schema: S, handler: ProviderHandler<S, T>) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    const checked = await checkProviderAdmin(name, level);
    if (!checked.ok) return { ok: false, error: checked.error };
    const parsed = parseInput(schema, input);
    if (!parsed.ok) return parsed;
    recordGuardPassed({ action: name, level });
    try {
      return { ok: true, value: await handler(checked.admin, parsed.data) };
    } catch (error) {
      // A provider admin's own refusals belong to no organisation's log: recorded without an actor.
      if (error instanceof RecordNotFoundError) return { ok: false, error: "notFound" };
      if (!(error instanceof RefusedError)) throw error;
      await recordRefusal({ actor: null, action: name, level, reason: error.reason });
      return { ok: false, error: "forbidden" };
    }
  };
}

/**
 * An action of the provider pages: the handler gets the provider admin, never an organisation; any
 * organisation it names must be checked against `admin.providerId` (answer `recordNotFound()` otherwise).
 */
export function providerAdminAction<S extends z.ZodType, T>(name: string, schema: S, handler: ProviderHandler<S, T>) {
  return buildProviderAction("provider", name, schema, handler);
}

/** The one provider action allowed while the operator's temporary password must still be replaced. */
export function providerPasswordAction<S extends z.ZodType, T>(name: string, schema: S, handler: ProviderHandler<S, T>) {
  return buildProviderAction("providerPassword", name, schema, handler);
}
