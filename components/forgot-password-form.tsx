"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestPasswordResetByUsername, type RecoveryFormState } from "@/lib/accounts/recovery/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

const initialState: RecoveryFormState = {};

/** "Wachtwoord vergeten": a username in; the same answer whether or not it exists. */
export function ForgotPasswordForm() {
  const t = useTranslations("passwordForgot");
  const [state, action, pending] = useActionState(requestPasswordResetByUsername, initialState);
  if (state.sent) {
    return (
      <Alert tone="success" className="mt-8" as="div">
        <p className="font-semibold">{t("sentTitle")}</p>
        <p className="mt-2">{t("sentBody")}</p>
        <Link href="/sign-in" className="mt-4 inline-block font-medium underline underline-offset-2">
          {t("backToSignIn")}
        </Link>
      </Alert>
    );
  }
  return (
    <form action={action} className="mt-8 space-y-5" noValidate>
      {state.error ? (
        <Alert tone="error" id="username-error">
          {state.error}
        </Alert>
      ) : null}
      <Field
        label={t("username")}
        id="username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        defaultValue={state.value}
        maxLength={1000}
        required
        invalid={Boolean(state.error)}
        aria-describedby={state.error ? "username-error" : undefined}
      />
      <Button variant="primary" type="submit" pending={pending} pendingLabel={t("submitting")}>
        {t("submit")}
      </Button>
    </form>
  );
}
