"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { sendPersonTemporaryPassword } from "@/lib/accounts/temporary-passwords/actions";
import { AccessConfirmDialog } from "./access-confirm-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type TemporaryPasswordSendProps = {
  personId: string;
  /** The member's display name, for the confirmation. */
  name: string;
};

/**
 * "Save and send password" on the member page: after a confirmation, the server makes a temporary
 * password and emails the invitation with username, password and sign-in button. The coordinator never
 * sees or types the password.
 */
export function TemporaryPasswordSend({ personId, name }: TemporaryPasswordSendProps) {
  const t = useTranslations("temporaryPasswords");
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function confirm() {
    setPending(true);
    try {
      const result = await sendPersonTemporaryPassword({ personId });
      if (!result.ok) return setError(t(`errors.${result.error}`));
      if (result.value.outcome === "refused") return setError(t(`errors.${result.value.reason}`));
      setAsking(false);
      setDone(true);
      router.refresh();
    } catch {
      setError(t("errors.failed"));
    } finally {
      setPending(false);
    }
  }

  return (
    <div>
      <Button
        variant="secondary"
        onClick={() => {
          setDone(false);
          setError(null);
          setAsking(true);
        }}
      >
        {t("member.button")}
      </Button>
      <div aria-live="polite" role="status" className="mt-2 empty:hidden">
        {done ? (
          <Alert tone="success" role="none">
            {t("member.done")}
          </Alert>
        ) : null}
      </div>
      {asking ? (
        <AccessConfirmDialog
          title={t("member.title")}
          body={t("member.body", { name })}
          details={[]}
          warning={null}
          error={error}
          checkLabel={null}
          confirmLabel={t("member.confirm")}
          pendingLabel={t("member.pending")}
          cancelLabel={t("member.cancel")}
          tone="primary"
          pending={pending}
          onConfirm={confirm}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </div>
  );
}
