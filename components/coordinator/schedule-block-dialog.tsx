"use client";
import { useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";

export type ScheduleBlockDialogProps = {
  title: string;
  body: string;
  /** E.g. the end date on record, to help pick the day. */
  hint: string | null;
  dateLabel: string;
  defaultDate: string;
  /** The first day that may be chosen (tomorrow in the organisation's zone). */
  minDate: string;
  error: string | null;
  submitLabel: string;
  pendingLabel: string;
  cancelLabel: string;
  pending: boolean;
  onSubmit: (date: string) => void;
  onCancel: () => void;
};

/** Asks for the day a block takes effect; the server checks the day again. */
export function ScheduleBlockDialog(props: ScheduleBlockDialogProps) {
  const { onCancel, pending } = props;
  const titleId = useId();
  const errorId = useId();

  return (
    <Dialog
      labelledBy={titleId}
      width="medium"
      openOnMount
      onCancel={() => {
        if (!pending) onCancel();
      }}
    >
      <form
        className="p-5 sm:p-6"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const date = new FormData(event.currentTarget).get("date");
          props.onSubmit(typeof date === "string" ? date : "");
        }}
      >
        <h2 id={titleId} className="text-xl font-semibold">
          {props.title}
        </h2>
        <p className="mt-3">{props.body}</p>
        {props.hint ? <p className="mt-2 text-stone-700">{props.hint}</p> : null}
        <Field
          className="mt-4"
          label={props.dateLabel}
          name="date"
          type="date"
          required
          min={props.minDate}
          defaultValue={props.defaultDate}
          invalid={Boolean(props.error)}
          aria-describedby={props.error ? errorId : undefined}
          size="compact"
          inputClassName="sm:w-60"
        />
        {props.error ? (
          <Alert tone="error" id={errorId} className="mt-3">
            {props.error}
          </Alert>
        ) : null}
        <div className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {props.cancelLabel}
          </Button>
          <Button variant="confirm" type="submit" aria-busy={pending} pending={pending} pendingLabel={props.pendingLabel}>
            {props.submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
