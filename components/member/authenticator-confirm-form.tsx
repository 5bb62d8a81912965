"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { confirmAuthenticatorSetup, type AuthenticatorFormState } from "@/lib/accounts/two-factor/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

const initialState: AuthenticatorFormState = {};

/** Step 2 of setting up the app: the first code from the app switches it on. */
export function AuthenticatorConfirmForm() {
  const t = useTranslations("authenticatorApp");
  const [state, action, pending] = useActionState(confirmAuthenticatorSetup, initialState);
  return (
    <form action={action} className="mt-3 space-y-4" noValidate>
      <div aria-live="polite">
        {state.notice ? <p className="rounded-lg border border-brand-100 bg-brand-50 p-3 text-brand-800">{state.notice}</p> : null}
      </div>
      {state.error ? (
        <Alert tone="error">
          {state.error}
        </Alert>
      ) : null}
      <Field
        label={t("codeLabel")}
        id="setup-code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        maxLength={32}
        required
        invalid={Boolean(state.error)}
        size="code"
      />
      <Button variant="primary" type="submit" pending={pending} pendingLabel={t("confirming")}>
        {t("confirm")}
      </Button>
    </form>
  );
}
