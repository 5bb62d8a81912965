"use client";
import { useEffect, useId, useRef, useState } from "react";

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
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [checked, setChecked] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const confirmStyle =
    props.tone === "danger" ? "bg-red-700 text-white hover:bg-red-800" : "bg-brand-600 text-white hover:bg-brand-700";
  const blocked = pending || (props.checkLabel !== null && !checked);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-2xl border border-stone-200 bg-white p-0 text-stone-900 shadow-xl backdrop:bg-stone-900/50"
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
          <p role="status" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950">
            {props.warning}
          </p>
        ) : null}
        {props.error ? (
          <p role="alert" className="mt-4 rounded-lg border border-red-300 bg-red-50 p-3 text-red-900">
            {props.error}
          </p>
        ) : null}
        {props.checkLabel ? (
          <label className="mt-4 flex items-start gap-3 rounded-lg border border-red-200 bg-red-50 p-3">
            <input type="checkbox" checked={checked} onChange={(event) => setChecked(event.target.checked)} className="mt-1 size-5 shrink-0" />
            <span>{props.checkLabel}</span>
          </label>
        ) : null}
        <div className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <button
            type="button"
            onClick={onCancel}
            disabled={pending}
            className="rounded-lg border border-stone-300 px-4 py-2.5 font-medium hover:bg-stone-100 disabled:opacity-60"
          >
            {props.cancelLabel}
          </button>
          <button
            type="button"
            onClick={props.onConfirm}
            disabled={blocked}
            aria-busy={pending}
            className={`rounded-lg px-4 py-2.5 font-semibold disabled:opacity-60 ${confirmStyle}`}
          >
            {pending ? props.pendingLabel : props.confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
