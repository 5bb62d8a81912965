"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setPasswordWithResetLink, type ResetFormState } from "@/lib/accounts/recovery/actions";
import { NewPasswordFields } from "./new-password-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

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
      <Button variant="primary" type="submit" pending={pending} pendingLabel={t("submitting")}>
        {t("submit")}
      </Button>
    </form>
  );
}
