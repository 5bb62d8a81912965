// How a password change form (a member's own, or a provider admin's) answers: the refusal or rule
// that failed, translated, or a fresh session for the current browser and the page it opens next.
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/config";
import type { ActionResult } from "@/lib/auth/guards";
import type { ChangePasswordResult } from "@/lib/accounts/own-account/own-account";

export type AccountFormState = { error?: string; saved?: string; value?: string };

/** The form state after a guarded password change; on success signs in again and goes to `redirectTo`. */
export async function passwordChangeFormState(
  guarded: ActionResult<ChangePasswordResult>,
  redirectTo: (changed: Extract<ChangePasswordResult, { ok: true }>) => string,
): Promise<AccountFormState> {
  if (!guarded.ok) {
    if (guarded.error === "unauthorised" || guarded.error === "forbidden") redirect("/sign-in");
    return { error: (await getTranslations("passwordRules"))("required") };
  }
  const result = guarded.value;
  if (!result.ok) {
    if (result.error === "rateLimited") {
      return { error: (await getTranslations("account"))("rateLimited", { minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) }) };
    }
    if (result.error === "currentRequired" || result.error === "currentWrong" || result.error === "sameAsTemporary" || result.error === "invalid") {
      return { error: (await getTranslations("account"))(result.error) };
    }
    return { error: (await getTranslations("passwordRules"))(result.error) };
  }
  try {
    // Every session of the account ended with the change; this gives the current browser a new one.
    await signIn("credentials", { ticket: result.ticket, redirectTo: redirectTo(result) });
  } catch (error) {
    if (error instanceof AuthError) redirect("/sign-in?reset=done");
    throw error;
  }
  return {};
}
