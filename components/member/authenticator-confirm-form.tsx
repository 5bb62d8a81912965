"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { confirmAuthenticatorSetup, type AuthenticatorFormState } from "@/lib/accounts/two-factor/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { StatusText } from "@/components/ui/status-text";

const initialState: AuthenticatorFormState = {};

/** Step 2 of setting up the app: the first code from the app switches it on. */
export function AuthenticatorConfirmForm() {
  const t = useTranslations("authenticatorApp");
  const [state, action, pending] = useActionState(confirmAuthenticatorSetup, initialState);
  return (
    <form action={action} className="mt-3 space-y-4" noValidate>
      <StatusText as="div">
        {state.notice ? (
          <Alert tone="success" role="none">
            {state.notice}
          </Alert>
        ) : null}
      </StatusText>
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
