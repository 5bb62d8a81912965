"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { sendPersonSignInLink } from "@/lib/accounts/blocking/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { AccessConfirmDialog } from "./access-confirm-dialog";

type SendSignInLinkButtonProps = { personId: string; name: string; email: string };

/** "Send sign-in link" on the member page: asks first, naming the address, then sends one 7-day link. */
export function SendSignInLinkButton({ personId, name, email }: SendSignInLinkButtonProps) {
  const t = useTranslations("memberRecords.signInLink");
  const tAccounts = useTranslations("accounts");
  const tRecords = useTranslations("memberRecords");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function send() {
    setPending(true);
    setError(null);
    try {
      const result = await sendPersonSignInLink({ personId });
      if (!result.ok) {
        return setError(result.error === "notFound" ? tRecords("errors.notFound") : tAccounts(`errors.${result.error === "invalid" ? "failed" : result.error}`));
      }
      if (result.value.outcome === "refused") return setError(tAccounts(`errors.${result.value.reason}`, { count: 0 }));
      setOpen(false);
      setDone(true);
      router.refresh();
    } catch {
      setError(tAccounts("errors.failed"));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="mt-3">
      <Button
        variant="secondary"
        onClick={() => {
          setDone(false);
          setError(null);
          setOpen(true);
        }}
      >
        {t("button")}
      </Button>
      <div role="status" aria-live="polite" className="mt-2 empty:hidden">
        {done ? (
          <Alert tone="success" role="none">
            {t("done", { name })}
          </Alert>
        ) : null}
      </div>
      {open ? (
        <AccessConfirmDialog
          title={t("title", { name })}
          body={t("body", { name, email })}
          details={[]}
          warning={null}
          error={error}
          checkLabel={null}
          confirmLabel={t("confirm")}
          pendingLabel={t("sending")}
          cancelLabel={t("cancel")}
          tone="primary"
          pending={pending}
          onConfirm={send}
          onCancel={() => setOpen(false)}
        />
      ) : null}
    </div>
  );
}
