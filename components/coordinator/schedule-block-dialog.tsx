"use client";
import { useEffect, useId, useRef } from "react";

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
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const dateId = useId();
  const errorId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl border border-stone-200 bg-white p-0 text-stone-900 shadow-xl backdrop:bg-stone-900/50"
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
        <label htmlFor={dateId} className="mt-4 block font-medium">
          {props.dateLabel}
        </label>
        <input
          id={dateId}
          name="date"
          type="date"
          required
          min={props.minDate}
          defaultValue={props.defaultDate}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? errorId : undefined}
          className="mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base sm:w-60"
        />
        {props.error ? (
          <p id={errorId} role="alert" className="mt-3 rounded-lg border border-red-300 bg-red-50 p-3 text-red-900">
            {props.error}
          </p>
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
          <button type="submit" disabled={pending} aria-busy={pending} className="rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
            {pending ? props.pendingLabel : props.submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
