"use client";
import { useTranslations } from "next-intl";
import { useId, useRef } from "react";
import { useFormStatus } from "react-dom";

type ConfirmSubmitButtonProps = {
  /** The question, naming what happens and to whom. */
  confirmText: string;
  /** The dialog's go-ahead button; the button's own label when left out. */
  confirmLabel?: string;
  /** Red for what cannot be undone (the default), brand colour for a plain "are you sure". */
  tone?: "danger" | "primary";
  className?: string;
  children: React.ReactNode;
};

/**
 * A submit button that asks first, for actions that cannot be undone, in a dialog of the app's own
 * style (the browser's confirm() looks like a warning from the phone itself, and some in-app email
 * browsers suppress it). Only the dialog's go-ahead button submits the form, with this button as
 * the submitter; "back", Escape or tapping outside change nothing. Shows progress while pending.
 */
export function ConfirmSubmitButton({ confirmText, confirmLabel, tone = "danger", className, children }: ConfirmSubmitButtonProps) {
  const t = useTranslations("confirmDialog");
  const { pending } = useFormStatus();
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const confirmed = useRef(false);
  const questionId = useId();

  const goAhead =
    tone === "danger" ? "bg-red-700 text-white hover:bg-red-800" : "bg-brand-600 text-white hover:bg-brand-700";

  return (
    <>
      <button
        ref={trigger}
        type="submit"
        disabled={pending}
        aria-busy={pending}
        aria-haspopup="dialog"
        className={`${className ?? ""} disabled:opacity-60`}
        onClick={(event) => {
          if (confirmed.current) {
            confirmed.current = false;
            return;
          }
          event.preventDefault();
          dialog.current?.showModal();
        }}
      >
        {children}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={questionId}
        onClick={(event) => {
          // A tap on the backdrop (the dialog element itself, outside its content) closes it.
          if (event.target === event.currentTarget) event.currentTarget.close();
        }}
        className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-2xl border border-stone-200 bg-white p-0 text-left text-base font-normal text-stone-900 shadow-xl backdrop:bg-stone-900/50"
      >
        <div className="p-5">
          <p id={questionId} className="text-lg">
            {confirmText}
          </p>
          <div className="mt-5 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <button
              type="button"
              autoFocus
              onClick={() => dialog.current?.close()}
              className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 py-2 font-medium text-stone-800 hover:bg-stone-50"
            >
              {t("back")}
            </button>
            <button
              type="button"
              onClick={() => {
                dialog.current?.close();
                confirmed.current = true;
                trigger.current?.click();
              }}
              className={`min-h-11 rounded-lg px-4 py-2 font-semibold ${goAhead}`}
            >
              {confirmLabel ?? children}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
