"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { approveHours, markCorrectionRequestHandled } from "@/lib/hours/coordinator-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHoursCall } from "./use-hours-call";
import { SendBackDialog } from "./send-back-dialog";

type HoursWeekActionsProps = {
  personId: string;
  weekStart: string;
  name: string;
  canApprove: boolean;
  canSendBack: boolean;
  /** An open correction request: "afgehandeld" is offered. */
  canHandleRequest: boolean;
};

/** One member's week: approve it, send it back with a comment, or mark their correction request handled. */
export function HoursWeekActions({ personId, weekStart, name, canApprove, canSendBack, canHandleRequest }: HoursWeekActionsProps) {
  const t = useTranslations("hoursDashboard");
  const router = useRouter();
  const { busy, notice, setNotice, call } = useHoursCall<"approve" | "handle">();
  const [sendingBack, setSendingBack] = useState(false);

  function approve() {
    return call("approve", () => approveHours({ weeks: [{ personId, weekStart }] }), (value) =>
      value.approved === 1 ? { tone: "success", text: t("person.approved") } : { tone: "error", text: t("person.notConfirmed") },
    );
  }

  function handle() {
    return call("handle", () => markCorrectionRequestHandled({ personId, weekStart }), () => ({ tone: "success", text: t("done.handled") }));
  }

  return (
    <div className="mt-4">
      <div className="flex flex-wrap gap-3">
        {canApprove ? (
          <Button variant="confirm" onClick={approve} pending={busy === "approve"} pendingLabel={t("person.approving")} disabled={busy !== null}>
            {t("person.approve")}
          </Button>
        ) : null}
        {canSendBack ? (
          <Button variant="secondary" onClick={() => setSendingBack(true)} disabled={busy !== null}>
            {t("sendBack.open")}
          </Button>
        ) : null}
        {canHandleRequest ? (
          <Button variant="secondary" onClick={handle} pending={busy === "handle"} pendingLabel={t("corrections.handling")} disabled={busy !== null}>
            {t("person.handle")}
          </Button>
        ) : null}
      </div>
      {notice ? (
        <Alert tone={notice.tone} className="mt-3">
          {notice.text}
        </Alert>
      ) : null}
      {sendingBack ? (
        <SendBackDialog
          personId={personId}
          weekStart={weekStart}
          name={name}
          onCancel={() => setSendingBack(false)}
          onDone={(text) => {
            setSendingBack(false);
            setNotice({ tone: "success", text });
            router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}
