import type { ReactNode, SelectHTMLAttributes } from "react";
import { FieldFrame } from "./field-frame";

const widths = {
  full: "w-full",
  /** For short choices: a weekday, a language. */
  short: "w-48 max-w-full",
} as const;

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "children"> & {
  label: ReactNode;
  /** Read out with the box; shown above it. */
  hint?: ReactNode;
  /** Shown under the box, marks it invalid (with a red border) and is read out with it. */
  error?: ReactNode;
  /** A disabled option is a placeholder ("—") a required choice cannot be left on. */
  options: readonly { value: string; label: string; disabled?: boolean }[];
  width?: keyof typeof widths;
  /**
   * "inline": one control in a row of buttons that says what it is for: the label is only read out,
   * the box is as tall as the buttons and as wide as its choices, and label and box sit in the row itself.
   */
  layout?: "stacked" | "inline";
  /** Spacing of a stacked field; an inline one has no box of its own to space. */
  className?: string;
};

/** Field's twin for a choice from a list: label, select, hint and error, wired together for screen readers. */
export function SelectField({ label, hint, error, options, width = "full", layout = "stacked", className, id, "aria-describedby": describedBy, ...select }: SelectFieldProps) {
  const inline = layout === "inline";
  const box = inline ? "min-w-0 rounded-lg border bg-white px-3 py-2" : `mt-1 block rounded-lg border bg-white px-3 py-2.5 text-base ${widths[width]}`;
  return (
    <FieldFrame label={label} labelHidden={inline} hint={hint} error={error} id={id} describedBy={describedBy} className={inline ? "contents" : className}>
      {(control) => (
        <select {...select} {...control} className={`${box} ${error ? "border-red-600" : "border-stone-300"}`}>
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
