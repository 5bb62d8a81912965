"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signOffFromShiftForm, type RosterFormState } from "@/lib/roster/actions";
import { Alert } from "@/components/ui/alert";

/** Leaves the shift again (a POST, never a link); on success the page reloads with a confirmation. */
export function ShiftSignOffButton({ shiftId }: { shiftId: string }) {
  const t = useTranslations("shifts.detail");
  const [state, action, pending] = useActionState(signOffFromShiftForm, {} satisfies RosterFormState);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="shiftId" value={shiftId} />
      {state.message ? (
        <Alert tone="error">
          {state.message}
        </Alert>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg border border-stone-400 bg-white px-4 py-3 text-lg font-semibold text-stone-800 hover:bg-stone-50 disabled:opacity-70"
      >
        {pending ? t("signingOff") : t("signOff")}
      </button>
    </form>
  );
}
