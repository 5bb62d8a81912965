"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { StatusText } from "@/components/ui/status-text";
import { sendMailAgain } from "@/lib/mail/delivery-actions";

/** "Send again" beside a failed email (delivery log, member page): queues a copy to the same address. */
export function SendMailAgainButton({ mailId }: { mailId: string }) {
  const t = useTranslations("mailDelivery.sendAgain");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: "done" | "problem"; text: string } | null>(null);

  async function send() {
    setPending(true);
    setMessage(null);
    try {
      const result = await sendMailAgain({ mailId });
      if (!result.ok) return setMessage({ tone: "problem", text: t(result.error === "notFound" ? "notFound" : "failed") });
      if (result.value.outcome === "notAvailable") return setMessage({ tone: "problem", text: t("notAvailable") });
      setMessage({ tone: "done", text: t("queued") });
      router.refresh();
    } catch {
      setMessage({ tone: "problem", text: t("failed") });
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="mt-2">
      {message?.tone === "done" ? null : (
        <Button variant="secondary" pending={pending} pendingLabel={t("sending")} onClick={send}>
          {t("button")}
        </Button>
      )}
      <StatusText className={`mt-1 text-sm empty:hidden ${message?.tone === "problem" ? "text-red-900" : "text-green-900"}`}>{message?.text}</StatusText>
    </div>
  );
}
