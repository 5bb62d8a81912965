import { useId, type InputHTMLAttributes, type ReactNode } from "react";

const sizes = {
  /** Phone forms: a tall box, easy to tap. */
  large: "mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-3 text-base",
  /** Dashboard dialogs. */
  compact: "mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base",
  /** A one-time code: large, spaced digits. */
  code: "mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-3 text-center font-mono text-2xl tracking-[0.4em]",
} as const;

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "size"> & {
  label: ReactNode;
  /** Shown between the label and the box, and read out with the box. */
  hint?: ReactNode;
  /** Shown under the box, marks it invalid and is read out with it. */
  error?: ReactNode;
  /** The box is wrong but the message sits elsewhere (e.g. at the top of the form, under this id). */
  invalid?: boolean;
  size?: keyof typeof sizes;
  /** Extra classes for the box, e.g. a width or a monospaced look. */
  inputClassName?: string;
  className?: string;
};

/** A label, its input, an optional hint and an optional error, wired together for screen readers. */
export function Field({ label, hint, error, invalid, size = "large", inputClassName, className, id, "aria-describedby": describedBy, ...input }: FieldProps) {
  const ownId = useId();
  const inputId = id ?? ownId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describers = [describedBy, hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <input
        {...input}
        id={inputId}
        aria-invalid={error || invalid ? true : undefined}
        aria-describedby={describers || undefined}
        className={`${sizes[size]}${inputClassName ? ` ${inputClassName}` : ""}`}
      />
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
