import type { ReactNode, TextareaHTMLAttributes } from "react";
import { FieldFrame } from "./field-frame";

type TextAreaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: ReactNode;
  /** Read out with the box; shown above it. */
  hint?: ReactNode;
  /** Shown under the box, marks it invalid (with a red border) and is read out with it. */
  error?: ReactNode;
  className?: string;
};

/** Field's twin for a few lines of text (a message, notes): label, textarea, hint and error, wired together for screen readers. */
export function TextAreaField({ label, hint, error, className, id, rows = 3, "aria-describedby": describedBy, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id} describedBy={describedBy} className={className}>
      {(control) => (
        <textarea {...textarea} {...control} rows={rows} className={`mt-1 block w-full rounded-lg border bg-white px-3 py-3 text-base ${error ? "border-red-600" : "border-stone-300"}`} />
      )}
    </FieldFrame>
  );
}
