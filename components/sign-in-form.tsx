"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInWithPassword, type SignInState } from "@/lib/accounts/sign-in/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

const initialState: SignInState = {};

/** `callbackUrl` is a same-site path already checked by the page; the action checks it again. */
export function SignInForm({ callbackUrl }: { callbackUrl?: string | null }) {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState(signInWithPassword, initialState);
  return (
    <form action={action} className="mt-8 space-y-5" noValidate>
      {state.error ? (
        <Alert tone="error">
          {state.error}
        </Alert>
      ) : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field
        label={t("username")}
        id="username"
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        defaultValue={state.username}
        maxLength={1000}
        required
      />
      <Field
        label={t("password")}
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        maxLength={1000}
        required
      />
      <Button variant="primary" type="submit" pending={pending} pendingLabel={t("submitting")}>
        {t("submit")}
      </Button>
    </form>
  );
}
