import { useId, type ReactNode, type TextareaHTMLAttributes } from "react";

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
  const ownId = useId();
  const boxId = id ?? ownId;
  const hintId = `${boxId}-hint`;
  const errorId = `${boxId}-error`;
  const describers = [describedBy, hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={className}>
      <label htmlFor={boxId} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <textarea
        {...textarea}
        id={boxId}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describers || undefined}
        className={`mt-1 block w-full rounded-lg border bg-white px-3 py-3 text-base ${error ? "border-red-600" : "border-stone-300"}`}
      />
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
