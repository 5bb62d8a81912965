import { useId, type ReactNode, type SelectHTMLAttributes } from "react";

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
  className?: string;
};

/** Field's twin for a choice from a list: label, select, hint and error, wired together for screen readers. */
export function SelectField({ label, hint, error, options, width = "full", className, id, "aria-describedby": describedBy, ...select }: SelectFieldProps) {
  const ownId = useId();
  const selectId = id ?? ownId;
  const hintId = `${selectId}-hint`;
  const errorId = `${selectId}-error`;
  const describers = [describedBy, hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={className}>
      <label htmlFor={selectId} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-1 text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <select
        {...select}
        id={selectId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describers || undefined}
        className={`mt-1 block rounded-lg border bg-white px-3 py-2.5 text-base ${widths[width]} ${error ? "border-red-600" : "border-stone-300"}`}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
