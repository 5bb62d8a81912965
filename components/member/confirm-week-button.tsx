"use client";
import { useActionState } from "react";
import { confirmMyWeekForm } from "@/lib/hours/member-actions";
import type { FormState } from "@/components/ui/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type ConfirmWeekButtonProps = {
  weekStart: string;
  labels: { confirm: string; confirming: string; hint: string };
};

/** *Bevestig*: a POST of the week alone (the person is the signed-in member); opening the page never confirms. */
export function ConfirmWeekButton({ weekStart, labels }: ConfirmWeekButtonProps) {
  const [state, action, pending] = useActionState<FormState, FormData>(confirmMyWeekForm, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="weekStart" value={weekStart} />
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <p className="text-stone-700">{labels.hint}</p>
      <Button variant="primary" type="submit" pending={pending} pendingLabel={labels.confirming}>
        {labels.confirm}
      </Button>
    </form>
  );
}
