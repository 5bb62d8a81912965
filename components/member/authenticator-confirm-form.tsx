"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { confirmAuthenticatorSetup, type AuthenticatorFormState } from "@/lib/accounts/two-factor/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

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
      <div>
        <label htmlFor="setup-code" className="block font-medium">
          {t("codeLabel")}
        </label>
        <input
          id="setup-code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={32}
          required
          aria-invalid={state.error ? true : undefined}
          className="mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-3 text-center font-mono text-2xl tracking-[0.4em]"
        />
      </div>
      <Button variant="primary" type="submit" pending={pending} pendingLabel={t("confirming")}>
        {t("confirm")}
      </Button>
    </form>
  );
}
