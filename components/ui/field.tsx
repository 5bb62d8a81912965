import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldFrame } from "./field-frame";

// Written out in full so Tailwind finds every class.
const sizes = {
  /** Phone forms: a tall box, easy to tap. */
  large: "px-3 py-3 text-base",
  /** Dashboard dialogs and filters. */
  compact: "px-3 py-2.5 text-base",
  /** A one-time code: large, spaced digits. */
  code: "px-3 py-3 text-center font-mono text-2xl tracking-[0.4em]",
} as const;

const widths = {
  full: "w-full",
  /** For short values: a date, a postcode, a phone number. */
  short: "w-48 max-w-full",
} as const;

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "size" | "width"> & {
  label: ReactNode;
  /** Read out with the box; shown above it unless hintBelow. */
  hint?: ReactNode;
  hintBelow?: boolean;
  /** Shown under the box, marks it invalid (with a red border) and is read out with it. */
  error?: ReactNode;
  /** The box is wrong but the message sits elsewhere (e.g. at the top of the form, under this id). */
  invalid?: boolean;
  size?: keyof typeof sizes;
  width?: keyof typeof widths;
  /** Extra classes for the box that do not clash with the above, e.g. "sm:w-60". */
  inputClassName?: string;
  className?: string;
};

/** A label, its input, an optional hint and an optional error, wired together for screen readers. */
export function Field({ label, hint, hintBelow = false, error, invalid, size = "large", width = "full", inputClassName, className, id, "aria-describedby": describedBy, ...input }: FieldProps) {
  return (
    <FieldFrame label={label} hint={hint} hintBelow={hintBelow} error={error} invalid={invalid} id={id} describedBy={describedBy} className={className}>
      {(control) => (
        <input
          {...input}
          {...control}
          className={`mt-1 block rounded-lg border bg-white ${sizes[size]} ${widths[width]} ${error ? "border-red-600" : "border-stone-300"}${inputClassName ? ` ${inputClassName}` : ""}`}
        />
      )}
    </FieldFrame>
  );
}
