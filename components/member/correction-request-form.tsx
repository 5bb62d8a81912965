"use client";
import { useActionState } from "react";
import { requestMyCorrectionForm } from "@/lib/hours/member-actions";
import { CORRECTION_MESSAGE_MAX } from "@/lib/hours/member-schemas";
import type { FormState } from "@/components/ui/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";

type CorrectionRequestFormProps = {
  weekStart: string;
  labels: { message: string; hint: string; send: string; sending: string };
};

/** "Klopt er iets niet?": the member's message about the week, mailed to the planner. */
export function CorrectionRequestForm({ weekStart, labels }: CorrectionRequestFormProps) {
  const [state, action, pending] = useActionState<FormState, FormData>(requestMyCorrectionForm, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="weekStart" value={weekStart} />
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <TextAreaField
        name="message"
        label={labels.message}
        hint={labels.hint}
        error={state.fieldErrors?.message?.[0]}
        maxLength={CORRECTION_MESSAGE_MAX}
        rows={4}
        required
      />
      <Button variant="outlineBrand" type="submit" pending={pending} pendingLabel={labels.sending}>
        {labels.send}
      </Button>
    </form>
  );
}
