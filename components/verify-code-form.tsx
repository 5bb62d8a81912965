"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { verifySignInCode, type VerifyCodeState } from "@/lib/accounts/two-factor/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

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
          <div>
            <label htmlFor="code" className="block font-medium">
              {t("codeLabel")}
            </label>
            <input
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
              aria-describedby="code-hint"
              aria-invalid={state.error ? true : undefined}
              className="mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-3 text-center font-mono text-2xl tracking-[0.4em]"
            />
            <p id="code-hint" className="mt-1 text-sm text-stone-700">
              {hint}
            </p>
          </div>
          <Button variant="primary" type="submit" pending={pending} pendingLabel={t("submitting")}>
            {t("submit")}
          </Button>
        </>
      )}
    </form>
  );
}
