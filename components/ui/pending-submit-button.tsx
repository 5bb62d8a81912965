"use client";
import { useFormStatus } from "react-dom";

/** A submit button that says it is working while its form posts. */
export function PendingSubmitButton({ label, pendingLabel, variant }: { label: string; pendingLabel: string; variant: "primary" | "quiet" }) {
  const { pending } = useFormStatus();
  const style =
    variant === "primary"
      ? "w-full rounded-lg bg-brand-600 px-4 py-3 text-lg font-semibold text-white hover:bg-brand-700 disabled:opacity-70"
      : "w-full rounded-lg px-4 py-3 text-stone-700 underline underline-offset-2 disabled:opacity-70";
  return (
    <button type="submit" disabled={pending} className={style}>
      {pending ? pendingLabel : label}
    </button>
  );
}
