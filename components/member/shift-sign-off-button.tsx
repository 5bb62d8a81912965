"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signOffFromShiftForm, type RosterFormState } from "@/lib/roster/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

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
      <Button variant="outline" type="submit" pending={pending} pendingLabel={t("signingOff")}>
        {t("signOff")}
      </Button>
    </form>
  );
}
