"use server";
// Two-factor's public write surface: finishing a sign-in with a code, a new email code, and the
// member's authenticator app (set up, confirm, stop, switch off).
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { getClientKey } from "@/lib/auth/client";
import { signIn } from "@/lib/auth/config";
import { memberAction } from "@/lib/auth/guards";
import { deliverAfterCommit } from "@/lib/mail/outbox";
import {
  cancelAuthenticatorEnrolment,
  confirmAuthenticatorEnrolment,
  disableAuthenticator,
  startAuthenticatorEnrolment,
  type AuthenticatorChange,
} from "@/lib/accounts/two-factor/authenticator";
import { dropSecondFactorChallenge, holdSecondFactorChallenge, readSecondFactorChallenge } from "@/lib/accounts/two-factor/challenge-cookie";
import { consumeRateLimit, signInPerClient } from "@/lib/accounts/rate-limit";
import { resendEmailCode, verifySecondFactor } from "@/lib/accounts/two-factor/two-factor";
import { confirmAuthenticatorSchema, disableAuthenticatorSchema, secondFactorCodeSchema } from "@/lib/accounts/two-factor/schemas";

const authenticatorPath = "/my/account/two-factor";

export type VerifyCodeState = { error?: string; notice?: string; restart?: boolean };

function toMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/** The per-client limit every sign-in endpoint shares; a message when it is used up. */
async function refuseWhenClientIsBusy(): Promise<string | null> {
  const limit = await consumeRateLimit(signInPerClient, await getClientKey());
  if (limit.allowed) return null;
  const t = await getTranslations("lockout");
  return t("tooManyAttempts", { seconds: limit.retryAfterSeconds });
}

/** The verify page's form: a right code signs in and opens the challenge's destination (or /my). */
export async function verifySignInCode(_previous: VerifyCodeState, formData: FormData): Promise<VerifyCodeState> {
  const busy = await refuseWhenClientIsBusy();
  if (busy) return { error: busy };
  const t = await getTranslations("twoFactor");
  const challenge = await readSecondFactorChallenge();
  if (!challenge) return { error: t("invalid"), restart: true };
  const parsed = secondFactorCodeSchema.safeParse({ code: String(formData.get("code") ?? "") });
  if (!parsed.success) return { error: t(parsed.error.issues[0]?.message === "codeRequired" ? "codeRequired" : "codeFormat") };

  const verdict = await verifySecondFactor({ challenge, code: parsed.data.code });
  if (!verdict.ok) {
    switch (verdict.reason) {
      case "wrong-code":
        return { error: t("wrongCode", { count: verdict.attemptsLeft }) };
      case "rate-limited":
        return { error: t("accountRateLimited", { minutes: toMinutes(verdict.retryAfterSeconds) }) };
      default:
        // The cookie stays until it expires: dropping it would make the page forget why this sign-in
        // ended (too many tries, expired) and show only "no longer valid".
        return { error: t(verdict.reason), restart: true };
    }
  }
  await dropSecondFactorChallenge();
  try {
    // On success this throws Next's redirect, which must propagate.
    await signIn("credentials", { ticket: verdict.ticket, redirectTo: verdict.destination });
  } catch (error) {
    if (error instanceof AuthError) return { error: t("failed"), restart: true };
    throw error;
  }
  return {};
}

/** "Stuur een nieuwe code": a fresh email code for the pending sign-in. */
// Takes no input: useActionState's previous state and the (empty) form are not needed.
export async function resendSignInCode(): Promise<VerifyCodeState> {
  const busy = await refuseWhenClientIsBusy();
  if (busy) return { error: busy };
  const t = await getTranslations("twoFactor");
  const challenge = await readSecondFactorChallenge();
  if (!challenge) return { error: t("invalid"), restart: true };
  const verdict = await resendEmailCode({ challenge });
  if (!verdict.ok) {
    switch (verdict.reason) {
      case "cooldown":
        return { error: t("resendCooldown", { seconds: verdict.retryAfterSeconds }) };
      case "rate-limited":
        return { error: t("resendLimit", { minutes: toMinutes(verdict.retryAfterSeconds) }) };
      case "not-email":
        return { error: t("resendNotEmail") };
      default:
        return { error: t(verdict.reason), restart: true };
    }
  }
  // The challenge now runs 10 more minutes; so does the cookie that carries it.
  await holdSecondFactorChallenge(challenge);
  const mailId = verdict.mailId;
  after(() => deliverAfterCommit([mailId]));
  return { notice: t("resent") };
}

export type AuthenticatorFormState = { error?: string; notice?: string };

const noInput = z.object({});

const startSetup = memberAction("startAuthenticatorSetup", noInput, (actor) => startAuthenticatorEnrolment(actor.tenantId, actor.userId));
const stopSetup = memberAction("stopAuthenticatorSetup", noInput, (actor) => cancelAuthenticatorEnrolment(actor.tenantId, actor.userId));
const confirmSetup = memberAction("confirmAuthenticatorSetup", confirmAuthenticatorSchema, (actor, input) =>
  confirmAuthenticatorEnrolment(actor.tenantId, actor.userId, input.code),
);
const switchOff = memberAction("turnOffAuthenticator", disableAuthenticatorSchema, (actor, input) => disableAuthenticator(actor.tenantId, actor.userId, input));

/** Buttons without a form state: set up or stop setting up. Signed out (or must change password) → sign in. */
export async function startAuthenticatorSetup(formData: FormData): Promise<void> {
  const result = await startSetup(formData);
  if (!result.ok) redirect("/sign-in");
  revalidatePath(authenticatorPath);
}

export async function stopAuthenticatorSetup(formData: FormData): Promise<void> {
  const result = await stopSetup(formData);
  if (!result.ok) redirect("/sign-in");
  revalidatePath(authenticatorPath);
}

async function describeChange(change: AuthenticatorChange, success: "enabled" | "disabled", wrongCode: string): Promise<AuthenticatorFormState> {
  const t = await getTranslations("authenticatorApp");
  if (change.ok) return { notice: t(success) };
  switch (change.reason) {
    case "rate-limited":
      return { error: t("rateLimited", { minutes: toMinutes(change.retryAfterSeconds) }) };
    case "wrong-code":
      return { error: wrongCode };
    case "wrong-password":
      return { error: t("wrongPassword") };
    case "not-started":
      return { error: t("notStarted") };
    case "already-enabled":
      return { error: t("alreadyEnabled") };
    case "not-enabled":
      return { error: t("notEnabled") };
  }
}

function firstFieldError(fieldErrors: Record<string, string[]> | undefined): string {
  const key = Object.values(fieldErrors ?? {})[0]?.[0];
  return key === "codeRequired" || key === "proofRequired" || key === "passwordTooLong" ? key : "codeFormat";
}

/** Confirms the app with a current code; only then does it guard every sign-in. */
export async function confirmAuthenticatorSetup(_previous: AuthenticatorFormState, formData: FormData): Promise<AuthenticatorFormState> {
  const t = await getTranslations("authenticatorApp");
  const result = await confirmSetup({ code: String(formData.get("code") ?? "") });
  if (!result.ok) return { error: result.error === "invalid" ? t(firstFieldError(result.fieldErrors)) : t("failed") };
  revalidatePath(authenticatorPath);
  return describeChange(result.value, "enabled", t("wrongCode"));
}

/** Switches the app off with a current app code or the password. */
export async function turnOffAuthenticator(_previous: AuthenticatorFormState, formData: FormData): Promise<AuthenticatorFormState> {
  const t = await getTranslations("authenticatorApp");
  const result = await switchOff({ code: String(formData.get("code") ?? ""), password: String(formData.get("password") ?? "") });
  if (!result.ok) return { error: result.error === "invalid" ? t(firstFieldError(result.fieldErrors)) : t("failed") };
  revalidatePath(authenticatorPath);
  return describeChange(result.value, "disabled", t("wrongDisableCode"));
}
