import { useId, type ReactNode } from "react";

/** What the control inside the frame carries so its label, hint and error are read out with it. */
type ControlWiring = { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

type FieldFrameProps = {
  label: ReactNode;
  /** Read out but not shown, for a control whose row already says what it is for. */
  labelHidden?: boolean;
  /** Read out with the control; shown above it unless hintBelow. */
  hint?: ReactNode;
  hintBelow?: boolean;
  /** Shown under the control, marks it invalid and is read out with it. */
  error?: ReactNode;
  /** The control is wrong but the message sits elsewhere (e.g. at the top of the form). */
  invalid?: boolean;
  /** The caller's own id for the control; one is made up otherwise. */
  id?: string;
  /** Further ids the control is described by, read out before the hint and the error. */
  describedBy?: string;
  className?: string;
  /** Renders the control (input, select, textarea) with the wiring spread onto it. */
  children: (control: ControlWiring) => ReactNode;
};

/**
 * The label, hint and error that Field, SelectField and TextAreaField share, and the ids that tie
 * them to the control: `<id>-hint` and `<id>-error`, described in that order.
 */
export function FieldFrame({ label, labelHidden = false, hint, hintBelow = false, error, invalid = false, id, describedBy, className, children }: FieldFrameProps) {
  const ownId = useId();
  const controlId = id ?? ownId;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describers = [describedBy, hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  const hintText = hint ? (
    <p id={hintId} className="mt-1 text-sm text-stone-600">
      {hint}
    </p>
  ) : null;
  return (
    <div className={className}>
      <label htmlFor={controlId} className={labelHidden ? "sr-only" : "block font-medium"}>
        {label}
      </label>
      {hintBelow ? null : hintText}
      {children({ id: controlId, "aria-invalid": error || invalid ? true : undefined, "aria-describedby": describers || undefined })}
      {hintBelow ? hintText : null}
      {error ? (
        <p id={errorId} role="alert" className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
