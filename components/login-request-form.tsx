"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestLoginByEmail, type RecoveryFormState } from "@/lib/accounts/recovery/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

const initialState: RecoveryFormState = {};

/** "Login opvragen": one field, and the same answer whether or not the address is known. */
export function LoginRequestForm() {
  const t = useTranslations("loginRequest");
  const [state, action, pending] = useActionState(requestLoginByEmail, initialState);
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
        <Alert tone="error" id="email-error">
          {state.error}
        </Alert>
      ) : null}
      <Field
        label={t("email")}
        id="email"
        name="email"
        type="email"
        inputMode="email"
        autoComplete="email"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        defaultValue={state.value}
        maxLength={1000}
        required
        invalid={Boolean(state.error)}
        aria-describedby={state.error ? "email-error" : undefined}
      />
      <Button variant="primary" type="submit" pending={pending} pendingLabel={t("submitting")}>
        {t("submit")}
      </Button>
    </form>
  );
}
