"use client";
import { useFormStatus } from "react-dom";
import { Button } from "./button";

/** A submit button that says it is working while its form posts. */
export function PendingSubmitButton({ label, pendingLabel, variant }: { label: string; pendingLabel: string; variant: "primary" | "quiet" }) {
  const { pending } = useFormStatus();
  return (
    <Button variant={variant} type="submit" pending={pending} pendingLabel={pendingLabel}>
      {label}
    </Button>
  );
}
