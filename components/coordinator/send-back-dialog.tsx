"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { sendHoursBack } from "@/lib/hours/coordinator-actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextAreaField } from "@/components/ui/text-area-field";
import { hoursFailureText } from "./hours-failure";

type SendBackDialogProps = {
  personId: string;
  weekStart: string;
  name: string;
  onCancel: () => void;
  /** Called with the sentence to show once the week went back. */
  onDone: (message: string) => void;
};

/** "Terugsturen": a required comment that the member gets by email, then the week is theirs again. */
export function SendBackDialog({ personId, weekStart, name, onCancel, onDone }: SendBackDialogProps) {
  const t = useTranslations("hoursDashboard");
  const titleId = useId();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    if (comment.trim() === "") return setError(t("errors.commentMissing"));
    setPending(true);
    try {
      const result = await sendHoursBack({ personId, weekStart, comment });
      if (!result.ok) return setError(hoursFailureText(t, result));
      if (result.value.outcome === "refused") return setError(t(`errors.${result.value.problem}`));
      onDone(t(result.value.emailed ? "done.sentBack" : "done.sentBackNoEmail", { name }));
    } catch {
      setError(t("errors.failed"));
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog labelledBy={titleId} width="large" openOnMount onCancel={() => (pending ? undefined : onCancel())}>
      <form onSubmit={submit} className="p-5 sm:p-6" noValidate>
        <h2 id={titleId} className="text-xl font-semibold">
          {t("sendBack.title", { name })}
        </h2>
        <p className="mt-3">{t("sendBack.body", { name })}</p>
        <TextAreaField
          className="mt-4"
          label={t("sendBack.comment")}
          hint={t("sendBack.commentHint", { name })}
          name="comment"
          required
          maxLength={1000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          error={error ?? undefined}
        />
        <div className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {t("sendBack.cancel")}
          </Button>
          <Button variant="confirm" type="submit" pending={pending} pendingLabel={t("sendBack.sending")}>
            {t("sendBack.submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
