"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signUpForShiftForm, type RosterFormState } from "@/lib/roster/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * Takes a free place (a POST, never a link); on success the page reloads with a confirmation. When the
 * rules say no, `children` says why instead of the button. The page renders this component in both
 * cases, so a refusal stays on screen when the page refreshes to show the shift is now full.
 */
export function ShiftSignUpButton({ shiftId, allowed, children }: { shiftId: string; allowed: boolean; children: React.ReactNode }) {
  const t = useTranslations("shifts.detail");
  const [state, action, pending] = useActionState(signUpForShiftForm, {} satisfies RosterFormState);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="shiftId" value={shiftId} />
      {state.message ? (
        <Alert tone="error">
          {state.message}
        </Alert>
      ) : null}
      {children}
      {allowed ? (
        <Button variant="primary" type="submit" pending={pending} pendingLabel={t("signingUp")}>
          {t("signUp")}
        </Button>
      ) : null}
    </form>
  );
}
