"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signUpForShiftForm, type RosterFormState } from "@/lib/roster/actions";
import { Alert } from "@/components/ui/alert";

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
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-lg bg-brand-600 px-4 py-3 text-lg font-semibold text-white hover:bg-brand-700 disabled:opacity-70"
        >
          {pending ? t("signingUp") : t("signUp")}
        </button>
      ) : null}
    </form>
  );
}
