import { Alert } from "@/components/ui/alert";

export type Notice = { tone: "success" | "error"; text: string };

/** The outcome of a bulk control, in a live region so a screen reader announces it; nothing when empty. */
export function LiveNotice({ notice }: { notice: Notice | null }) {
  return (
    <div aria-live="polite" role="status" className="mt-2 empty:hidden">
      {notice ? (
        <Alert tone={notice.tone} role="none">
          {notice.text}
        </Alert>
      ) : null}
    </div>
  );
}
