"use client";
import { useEffect, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { MailBatchProgress as Progress } from "@/lib/mail/batches";
import { Alert } from "@/components/ui/alert";

type MailBatchProgressProps = {
  /** The latest batch as the page read it; null when there is nothing to watch. */
  initial: Omit<Progress, "startedAt"> | null;
};

/** How often the line asks again while mails are still waiting to go out. */
const POLL_MS = 4_000;

/**
 * "312 van 2.000 e-mails verstuurd, 3 mislukt" above the members table after a bulk mailing. Asks the
 * server again every few seconds while mails are pending; names (and links) the members whose mail failed.
 */
export function MailBatchProgress({ initial }: MailBatchProgressProps) {
  const t = useTranslations("mailBatches");
  const [progress, setProgress] = useState(initial);
  const [shownBatch, setShownBatch] = useState(initial?.batchId ?? null);
  // A new batch from the server (after router.refresh() of a bulk send) replaces what is shown.
  if ((initial?.batchId ?? null) !== shownBatch) {
    setShownBatch(initial?.batchId ?? null);
    setProgress(initial);
  }
  const pending = progress?.pending ?? 0;

  useEffect(() => {
    if (pending === 0) return;
    let stopped = false;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch("/api/mail/batch-progress", { cache: "no-store" });
        if (!response.ok || stopped) return;
        const body = (await response.json()) as { progress: Omit<Progress, "startedAt"> | null };
        // Null means every mail went out: the line says so once instead of vanishing mid-read.
        setProgress(body.progress ?? (progress ? { ...progress, sent: progress.total, pending: 0, failed: 0, failedPeople: [] } : null));
      } catch {
        // A missed poll is retried on the next render; the line keeps its last known numbers.
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [pending, progress]);

  if (!progress) return null;
  const allSent = progress.pending === 0 && progress.failed === 0;
  const more = progress.failed - progress.failedPeople.length;
  return (
    <section aria-label={t("label")} aria-live="polite" className="mt-4">
      <Alert tone={progress.failed > 0 ? "error" : allSent ? "success" : "info"} role="none" as="div">
        <p>{allSent ? t("done") : t("progress", { sent: progress.sent, total: progress.total, failed: progress.failed })}</p>
        {progress.failedPeople.length > 0 ? (
          <p className="mt-1 text-sm">
            {t.rich("failedNames", {
              more,
              names: () =>
                progress.failedPeople.map((person, index) => (
                  <span key={`${person.personId ?? "x"}-${index}`}>
                    {index > 0 ? ", " : null}
                    {person.personId ? (
                      <Link href={`/dashboard/people/${person.personId}`} className="underline underline-offset-2">
                        {person.name}
                      </Link>
                    ) : (
                      person.name
                    )}
                  </span>
                )),
            })}
          </p>
        ) : null}
      </Alert>
    </section>
  );
}
