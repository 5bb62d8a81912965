import type { ButtonHTMLAttributes } from "react";

const looks = {
  /** The form's main action, full width on a phone. */
  primary: "w-full rounded-lg bg-brand-600 px-4 py-3 text-lg font-semibold text-white hover:bg-brand-700 disabled:opacity-70",
  /** A second way out of a form, looking like a link. */
  quiet: "w-full rounded-lg px-4 py-3 text-stone-700 underline underline-offset-2 disabled:opacity-70",
  /** A phone form's other action: undoing, or a second step beside the main one. */
  outline: "w-full rounded-lg border border-stone-400 bg-white px-4 py-3 text-lg font-semibold text-stone-800 hover:bg-stone-50 disabled:opacity-70",
  outlineBrand: "w-full rounded-lg border border-brand-600 bg-white px-4 py-3 text-lg font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-70",
  /** Switching a safeguard off. */
  outlineDanger: "w-full rounded-lg border border-red-700 bg-white px-4 py-3 text-lg font-semibold text-red-800 hover:bg-red-50 disabled:opacity-70",
  /** A dashboard form's main action, as wide as its label. */
  save: "rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700 disabled:opacity-70",
  /** A dialog's or toolbar's go-ahead. */
  confirm: "rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-60",
  /** A dialog's go-ahead for what cannot be undone. */
  danger: "rounded-lg bg-red-700 px-4 py-2.5 font-semibold text-white hover:bg-red-800 disabled:opacity-60",
  /** A toolbar's way into blocking or removing, which asks before it acts. */
  dangerSecondary: "rounded-lg border border-red-300 px-4 py-2.5 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60",
  /** "Cancel", "back" and other plain choices. */
  secondary: "rounded-lg border border-stone-300 px-4 py-2.5 font-medium hover:bg-stone-100 disabled:opacity-60",
} as const;

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant: keyof typeof looks;
  /** Waiting for the server: disabled, and the pending label instead of the children when given. */
  pending?: boolean;
  pendingLabel?: string;
  ref?: React.Ref<HTMLButtonElement>;
};

/** The app's button; a form composes it instead of styling its own. */
export function Button({ variant, pending = false, pendingLabel, className, type = "button", disabled, children, ...rest }: ButtonProps) {
  return (
    <button {...rest} type={type} disabled={disabled || pending} className={`${looks[variant]}${className ? ` ${className}` : ""}`}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
