"use client";
import { useFormStatus } from "react-dom";

/** A submit button that asks first, for actions that cannot be undone; shows progress while pending. */
export function ConfirmSubmitButton({ confirmText, className, children }: { confirmText: string; className?: string; children: React.ReactNode }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending}
      className={`${className ?? ""} disabled:opacity-60`}
      onClick={(event) => {
        if (!window.confirm(confirmText)) event.preventDefault();
      }}
    >
      {children}
    </button>
  );
}
