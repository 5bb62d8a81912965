// The only way to build a server action that touches tenant data: session → membership → tenant →
// role are resolved on the server and checked before the input is even parsed. Fails closed.
import type { z } from "zod";
import type { Actor } from "@/lib/accounts/queries";
import { getActor } from "./session";

export type ActionResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: "unauthorised" | "forbidden" | "invalid"; fieldErrors?: Record<string, string[]> };

type Handler<S extends z.ZodType, T> = (actor: Actor, input: z.output<S>) => Promise<T>;

function buildAction<S extends z.ZodType, T>(
  allowed: (actor: Actor) => boolean,
  schema: S,
  handler: Handler<S, T>,
  options: { whilePasswordChangeOwed?: boolean } = {},
) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    const actor = await getActor();
    if (!actor || (actor.mustChangePassword && !options.whilePasswordChangeOwed)) return { ok: false, error: "unauthorised" };
    if (!allowed(actor)) return { ok: false, error: "forbidden" };
    const raw = input instanceof FormData ? Object.fromEntries(input) : input;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join(".") || "_form";
        (fieldErrors[key] ??= []).push(issue.message);
      }
      return { ok: false, error: "invalid", fieldErrors };
    }
    return { ok: true, value: await handler(actor, parsed.data) };
  };
}

/** An action any active member of an organisation may call; the handler gets the actor and typed input. */
export function memberAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, T>) {
  return buildAction(() => true, schema, handler);
}

/**
 * The one kind of action a member may call while a coordinator-set password must still be replaced:
 * replacing it. Same session checks as memberAction otherwise.
 */
export function ownPasswordAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, T>) {
  return buildAction(() => true, schema, handler, { whilePasswordChangeOwed: true });
}

/** An action for coordinators and admins of the actor's own organisation. */
export function coordinatorAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, T>) {
  return buildAction((actor) => actor.role === "coordinator" || actor.role === "admin", schema, handler);
}

/** An action for organisation admins (settings, email texts, logins and roles). */
export function adminAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, T>) {
  return buildAction((actor) => actor.role === "admin", schema, handler);
}
