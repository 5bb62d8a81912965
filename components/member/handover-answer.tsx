"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ConfirmSubmitButton } from "@/components/confirm-submit-button";
import { acceptHandoverForm, withdrawHandoverForm } from "@/lib/roster/handover-actions";
import type { FormState } from "@/components/ui/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

function Refusal({ message }: { message?: string }) {
  return message ? (
    <Alert tone="error">
      {message}
    </Alert>
  ) : null;
}

/** Takes the shift over: a POST (opening the email's link never does this); the page then says who won. */
export function AcceptHandoverButton({ requestId }: { requestId: string }) {
  const t = useTranslations("handover.request");
  const [state, action, pending] = useActionState<FormState, FormData>(acceptHandoverForm, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="requestId" value={requestId} />
      <Refusal message={state.message} />
      <Button variant="primary" type="submit" pending={pending} pendingLabel={t("accepting")}>
        {t("accept")}
      </Button>
      <p className="text-sm text-stone-600">{t("acceptHint")}</p>
    </form>
  );
}

/** The requester withdraws, after confirming: colleagues can then no longer take the shift. */
export function WithdrawHandoverButton({ requestId }: { requestId: string }) {
  const t = useTranslations("handover.mine");
  const [state, action, pending] = useActionState<FormState, FormData>(withdrawHandoverForm, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="requestId" value={requestId} />
      <Refusal message={state.message} />
      <ConfirmSubmitButton
        confirmText={t("withdrawConfirm")}
        confirmLabel={t("withdraw")}
        tone="primary"
        className="w-full rounded-lg border border-stone-300 bg-white px-4 py-3 font-semibold text-stone-800 hover:bg-stone-50"
      >
        {pending ? t("withdrawing") : t("withdraw")}
      </ConfirmSubmitButton>
    </form>
  );
}
