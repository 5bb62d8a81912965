"use client";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

export type AccessConfirmDialogProps = {
  title: string;
  /** What will happen, in a sentence or two. */
  body: string;
  /** Extra lines: who it concerns, who has no email, who is left out. */
  details: string[];
  /** A warning above the buttons, e.g. that the number changed since it was counted. */
  warning: string | null;
  error: string | null;
  /** For the most far-reaching actions: a checkbox that must be ticked before the button works. */
  checkLabel: string | null;
  confirmLabel: string;
  pendingLabel: string;
  cancelLabel: string;
  tone: "danger" | "primary";
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * The confirmation step before a block or unblock: a modal dialog that names how many people are
 * affected before anything happens. Escape and "cancel" close it without a change.
 */
export function AccessConfirmDialog(props: AccessConfirmDialogProps) {
  const { onCancel, pending } = props;
  const titleId = useId();
  const [checked, setChecked] = useState(false);
  const blocked = pending || (props.checkLabel !== null && !checked);

  return (
    <Dialog
      labelledBy={titleId}
      width="large"
      openOnMount
      onCancel={() => {
        if (!pending) onCancel();
      }}
    >
      <div className="p-5 sm:p-6">
        <h2 id={titleId} className="text-xl font-semibold">
          {props.title}
        </h2>
        <p className="mt-3">{props.body}</p>
        {props.details.length > 0 ? (
          <ul className="mt-3 space-y-1 text-stone-700">
            {props.details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
        {props.warning ? (
          <Alert tone="warning" className="mt-4">
            {props.warning}
          </Alert>
        ) : null}
        {props.error ? (
          <Alert tone="error" className="mt-4">
            {props.error}
          </Alert>
        ) : null}
        {props.checkLabel ? (
          <label className="mt-4 flex items-start gap-3 rounded-lg border border-red-200 bg-red-50 p-3">
            <input type="checkbox" checked={checked} onChange={(event) => setChecked(event.target.checked)} className="mt-1 size-5 shrink-0" />
            <span>{props.checkLabel}</span>
          </label>
        ) : null}
        <div className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {props.cancelLabel}
          </Button>
          <Button variant={props.tone === "danger" ? "danger" : "confirm"} onClick={props.onConfirm} disabled={blocked} aria-busy={pending} pending={pending} pendingLabel={props.pendingLabel}>
            {props.confirmLabel}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
