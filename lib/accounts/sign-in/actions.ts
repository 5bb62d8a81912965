"use server";
// The accounts domain's public write surface: signing in and out.
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth/config";
import { memberAction } from "@/lib/auth/guards";
import { readSessionCookie } from "@/lib/auth/session-token";
import { endAllSessions, endSession } from "@/lib/accounts/sign-in/sessions";
import { getClientKey } from "@/lib/auth/client";
import { holdSecondFactorChallenge } from "@/lib/accounts/two-factor/challenge-cookie";
import { consumeRateLimit, signInPerClient } from "@/lib/accounts/rate-limit";
import { toSafeDestination } from "@/lib/accounts/rules";
import { passwordSignInSchema } from "@/lib/accounts/sign-in/schemas";
import { checkPassword } from "@/lib/accounts/sign-in/password-sign-in";

export type SignInState = { error?: string; username?: string };

export async function signInWithPassword(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const t = await getTranslations("signIn");
  const raw = { username: String(formData.get("username") ?? ""), password: String(formData.get("password") ?? "") };
  // Counted before anything is parsed or hashed, so a flood of junk costs the server nothing.
  const limit = await consumeRateLimit(signInPerClient, await getClientKey());
  if (!limit.allowed) {
    const tl = await getTranslations("lockout");
    return { error: tl("tooManyAttempts", { seconds: limit.retryAfterSeconds }), username: raw.username.trim().slice(0, 100) };
  }
  const parsed = passwordSignInSchema.safeParse(raw);
  const username = raw.username.trim().slice(0, 100);
  if (!parsed.success) {
    const code = parsed.error.issues[0]?.message === "tooLong" ? "tooLong" : "required";
    return { error: t(code), username };
  }
  // Only a same-site path survives; anything else (an outside address, "//host") is dropped.
  const destination = toSafeDestination(formData.get("callbackUrl"));
  // The lock notices are written after the answer, so the failure that locks answers as fast as any other.
  const check = await checkPassword({ ...parsed.data, destination }, new Date(), { runAfterAnswer: after });
  if (!check.ok) {
    if (check.reason === "temporaryUsed" || check.reason === "temporaryExpired") {
      return { error: (await getTranslations("temporaryPassword"))(check.reason === "temporaryUsed" ? "used" : "expired"), username };
    }
    return { error: t(check.reason), username };
  }
  if (check.kind === "second-factor") {
    await holdSecondFactorChallenge(check.challenge);
    redirect("/sign-in/verify");
  }
  try {
    // On success this throws Next's redirect, which must propagate.
    await signIn("credentials", { ticket: check.ticket, redirectTo: destination ?? "/my" });
  } catch (error) {
    if (error instanceof AuthError) return { error: t("failed"), username };
    throw error;
  }
  return {};
}

/** Ends this device's session on the server (a copy of the cookie stops working too), then clears the cookie. */
export async function signOutMember(): Promise<void> {
  const claims = await readSessionCookie();
  if (claims) await endSession(claims.userId, claims.sessionId);
  await signOut({ redirectTo: "/sign-in" });
}

const signOutEverywhereGuarded = memberAction("signOutEverywhere", z.object({}), async (actor) => endAllSessions(actor.userId));

/** "Uitloggen op alle apparaten": ends every session of the account, this one included. */
export async function signOutEverywhere(formData: FormData): Promise<void> {
  await signOutEverywhereGuarded(formData);
  await signOut({ redirectTo: "/sign-in?signedOut=everywhere" });
}
