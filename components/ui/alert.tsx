import type { ReactNode } from "react";

const tones = {
  error: "border-red-300 bg-red-50 text-red-900",
  success: "border-green-300 bg-green-50 text-green-950",
  info: "border-stone-300 bg-stone-50 text-stone-800",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
} as const;

type AlertProps = {
  tone: keyof typeof tones;
  children: ReactNode;
  /** For a field's aria-describedby when the message is about that field. */
  id?: string;
  /** Spacing from its neighbours only; the box itself looks the same everywhere. */
  className?: string;
  /** A block of several lines needs a <div>; one sentence is a <p>. */
  as?: "p" | "div";
  /**
   * An error interrupts (role="alert"); anything else waits its turn (role="status"). "none" for a
   * message that already sits inside a live region of its own.
   */
  role?: "alert" | "status" | "none";
};

/** A message box for a form or a page: what went wrong, what was done, what to keep in mind. */
export function Alert({ tone, children, id, className, as: Tag = "p", role }: AlertProps) {
  const ariaRole = role ?? (tone === "error" ? "alert" : "status");
  return (
    <Tag id={id} role={ariaRole === "none" ? undefined : ariaRole} className={`${className ? `${className} ` : ""}rounded-lg border p-3 ${tones[tone]}`}>
      {children}
    </Tag>
  );
}
