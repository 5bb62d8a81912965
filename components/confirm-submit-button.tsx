"use client";
import { useTranslations } from "next-intl";
import { useId, useRef } from "react";
import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

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
      {/* Inside the trigger's own styling context: reset the text to the dialog's. */}
      <Dialog ref={dialog} labelledBy={questionId} closeOnBackdrop className="text-left text-base font-normal">
        <div className="p-5">
          <p id={questionId} className="text-lg">
            {confirmText}
          </p>
          <div className="mt-5 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <Button variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
              {t("back")}
            </Button>
            <Button
              variant={tone === "danger" ? "danger" : "confirm"}
              onClick={() => {
                dialog.current?.close();
                confirmed.current = true;
                trigger.current?.click();
              }}
            >
              {confirmLabel ?? children}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
