"use server";
// Getting back in without a password: login opvragen, wachtwoord vergeten and the reset link's form.
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { signIn } from "@/lib/auth/config";
import { getClientKey } from "@/lib/auth/client";
import { holdSecondFactorChallenge } from "@/lib/accounts/two-factor/challenge-cookie";
import { requestLogin } from "@/lib/accounts/recovery/login-request";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/recovery/password-reset";

export type RecoveryFormState = { sent?: boolean; error?: string; value?: string };

function field(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

/** Shown back in the field after an error; never more than a field could sensibly hold. */
function echo(value: string | undefined): string {
  return (value ?? "").trim().slice(0, 254);
}

function minutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

export async function requestLoginByEmail(_previous: RecoveryFormState, formData: FormData): Promise<RecoveryFormState> {
  const t = await getTranslations("loginRequest");
  const email = field(formData, "email");
  const result = await requestLogin({ email }, { clientKey: await getClientKey(), defer: (task) => after(task) });
  if (result.ok) return { sent: true };
  if (result.error === "rateLimited") return { error: t("rateLimited", { minutes: minutes(result.retryAfterSeconds) }), value: echo(email) };
  return { error: t(result.error), value: echo(email) };
}

export async function requestPasswordResetByUsername(_previous: RecoveryFormState, formData: FormData): Promise<RecoveryFormState> {
  const t = await getTranslations("passwordForgot");
  const username = field(formData, "username");
  const result = await requestPasswordReset({ username }, { clientKey: await getClientKey(), defer: (task) => after(task) });
  if (result.ok) return { sent: true };
  if (result.error === "rateLimited") return { error: t("rateLimited", { minutes: minutes(result.retryAfterSeconds) }), value: echo(username).slice(0, 100) };
  return { error: t(result.error), value: echo(username).slice(0, 100) };
}

export type ResetFormState = { error?: string; linkProblem?: boolean };

export async function setPasswordWithResetLink(_previous: ResetFormState, formData: FormData): Promise<ResetFormState> {
  const result = await resetPassword(
    { token: field(formData, "token"), password: field(formData, "password"), passwordRepeat: field(formData, "passwordRepeat") },
    { clientKey: await getClientKey() },
  );
  if (!result.ok) {
    if (result.error === "rateLimited") {
      return { error: (await getTranslations("passwordReset"))("rateLimited", { minutes: minutes(result.retryAfterSeconds) }) };
    }
    if (result.error === "expired" || result.error === "used" || result.error === "invalid") {
      return { error: (await getTranslations("passwordReset"))(result.error), linkProblem: true };
    }
    return { error: (await getTranslations("passwordRules"))(result.error) };
  }
  if (result.kind === "second-factor") {
    await holdSecondFactorChallenge(result.challenge);
    redirect("/sign-in/verify");
  }
  try {
    // On success this throws Next's redirect, which must propagate.
    await signIn("credentials", { ticket: result.ticket, redirectTo: result.destination });
  } catch (error) {
    // The password is set; only the automatic sign-in failed.
    if (error instanceof AuthError) redirect("/sign-in?reset=done");
    throw error;
  }
  return {};
}
