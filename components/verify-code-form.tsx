"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { verifySignInCode, type VerifyCodeState } from "@/lib/accounts/two-factor/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

const initialState: VerifyCodeState = {};

/** The sign-in code field of the verify page; the error names how many tries are left. */
export function VerifyCodeForm({ hint }: { hint: string }) {
  const t = useTranslations("twoFactor");
  const [state, action, pending] = useActionState(verifySignInCode, initialState);
  return (
    <form action={action} className="mt-6 space-y-5" noValidate>
      {state.error ? (
        <Alert tone="error" as="div">
          <p>{state.error}</p>
          {state.restart ? (
            <p className="mt-2">
              <Link href="/sign-in" className="font-semibold underline underline-offset-2">
                {t("restart")}
              </Link>
            </p>
          ) : null}
        </Alert>
      ) : null}
      {/* Once this sign-in cannot finish any more, only the way back is offered. */}
      {state.restart ? null : (
        <>
          <Field
            label={t("codeLabel")}
            hint={hint}
            hintBelow
            id="code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            autoFocus
            maxLength={32}
            required
            invalid={Boolean(state.error)}
            size="code"
          />
          <Button variant="primary" type="submit" pending={pending} pendingLabel={t("submitting")}>
            {t("submit")}
          </Button>
        </>
      )}
    </form>
  );
}
