"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { resendSignInCode, type VerifyCodeState } from "@/lib/accounts/two-factor/actions";
import { Alert } from "@/components/ui/alert";
import { StatusText } from "@/components/ui/status-text";
import { Button } from "@/components/ui/button";

const initialState: VerifyCodeState = {};

/** "Stuur een nieuwe code" under the code field, with its own message (cool-down, limit, sent). */
export function ResendCodeForm() {
  const t = useTranslations("twoFactor");
  const [state, action, pending] = useActionState(resendSignInCode, initialState);
  return (
    <form action={action} className="mt-8 border-t border-stone-200 pt-5">
      <p className="text-stone-700">{t("resendQuestion")}</p>
      <StatusText as="div">
        {state.notice ? (
          <Alert tone="success" role="none" className="mt-3">
            {state.notice}
          </Alert>
        ) : null}
        {state.error ? (
          <Alert tone="error" className="mt-3" as="div">
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
      </StatusText>
      <Button variant="outlineBrand" className="mt-3" type="submit" pending={pending} pendingLabel={t("resending")}>
        {t("resend")}
      </Button>
    </form>
  );
}
