import type { ReactNode } from "react";

type StatusTextProps = {
  children: ReactNode;
  className?: string;
  as?: "p" | "span" | "div";
  id?: string;
};

/**
 * A line that changes while someone works (a count, "copied", "uploading…") and is read out politely
 * when it does. No role of its own, so it never competes with a form's status message.
 */
export function StatusText({ children, className, as: Tag = "p", id }: StatusTextProps) {
  return (
    <Tag id={id} aria-live="polite" className={className}>
      {children}
    </Tag>
  );
}
