"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { turnOffAuthenticator, type AuthenticatorFormState } from "@/lib/accounts/two-factor/actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { StatusText } from "@/components/ui/status-text";
import { Button } from "@/components/ui/button";

const initialState: AuthenticatorFormState = {};

/** Switching the app off: a current app code, or the password when the phone is gone. */
export function AuthenticatorDisableForm({ hasPassword }: { hasPassword: boolean }) {
  const t = useTranslations("authenticatorApp");
  const [state, action, pending] = useActionState(turnOffAuthenticator, initialState);
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
        label={t("disableCode")}
        id="disable-code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        maxLength={32}
        size="code"
      />
      {hasPassword ? (
        <Field
          label={t("disablePassword")}
          id="disable-password"
          name="password"
          type="password"
          autoComplete="current-password"
          maxLength={1000}
        />
      ) : null}
      <Button variant="outlineDanger" type="submit" pending={pending} pendingLabel={t("disabling")}>
        {t("disable")}
      </Button>
    </form>
  );
}
