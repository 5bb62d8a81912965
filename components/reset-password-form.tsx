"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setPasswordWithResetLink, type ResetFormState } from "@/lib/accounts/recovery/actions";
import { NewPasswordFields } from "./new-password-fields";
import { Alert } from "@/components/ui/alert";

const initialState: ResetFormState = {};

/** The reset link's form: a new password for `username`, then straight into the app. */
export function ResetPasswordForm({ token, username }: { token: string; username: string }) {
  const t = useTranslations("passwordReset");
  const [state, action, pending] = useActionState(setPasswordWithResetLink, initialState);
  return (
    <form action={action} className="mt-8 space-y-5" noValidate>
      {state.error ? (
        <Alert tone="error" as="div">
          <p>{state.error}</p>
          {state.linkProblem ? (
            <Link href="/sign-in/forgot" className="mt-2 inline-block font-medium underline underline-offset-2">
              {t("requestNew")}
            </Link>
          ) : null}
        </Alert>
      ) : null}
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password under the right account. */}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <NewPasswordFields invalid={Boolean(state.error) && !state.linkProblem} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-brand-600 px-4 py-3 text-lg font-semibold text-white hover:bg-brand-700 disabled:opacity-70"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
