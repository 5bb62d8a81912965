"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { AccessTarget } from "@/lib/accounts/blocking/schemas";
import type { ActionResult } from "@/lib/auth/guards";
import type { TemporaryPasswordPreview, TemporaryPasswordRefusal, TemporaryPasswordResult, TemporarySkipped } from "@/lib/accounts/temporary-passwords/issuing";
import { temporarySkipKeys, type TemporaryPasswordDelivery, type TemporarySkipReason } from "@/lib/accounts/temporary-passwords/rules";
import { countTemporaryPasswords, resetPasswordsAndEmail } from "@/lib/accounts/temporary-passwords/actions";
import { AccessConfirmDialog } from "./access-confirm-dialog";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { LiveNotice, type Notice } from "./live-notice";
import { previewDetails } from "./preview-details";
import { useBulkTarget, type BulkControlProps } from "./use-bulk-target";

type Format = "xlsx" | "csv";
type Asking = { delivery: TemporaryPasswordDelivery; target: AccessTarget; onlyNeverSignedIn: boolean; preview: Extract<TemporaryPasswordPreview, { outcome: "preview" }>; warning: string | null; error: string | null };

/** The file name the server sent, else a default. */
function fileNameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "");
  return match?.[1] ?? fallback;
}

/**
 * "Reset passwords and email" and "Reset passwords and export" for the selection, a group or everyone,
 * optionally only for who never signed in. Counts first; the confirmation names how many people and
 * what they receive. The export is downloaded straight from the response and kept nowhere.
 */
export function TemporaryPasswordBulk({ personIds, groups, disabled = false, onDone }: BulkControlProps) {
  const t = useTranslations("temporaryPasswords");
  const router = useRouter();
  const { scope, setScope, scopes, targetOf } = useBulkTarget(personIds, groups, {
    selection: (count) => t("bulk.targetSelection", { count }),
    group: (group) => t("bulk.targetGroup", { group }),
    everyone: t("bulk.targetEveryone"),
  });
  const [onlyNeverSignedIn, setOnlyNeverSignedIn] = useState(false);
  const [format, setFormat] = useState<Format>("xlsx");
  const [busy, setBusy] = useState<TemporaryPasswordDelivery | "dialog" | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  function skippedText(skipped: TemporarySkipped | undefined): string | null {
    const parts = (Object.entries(skipped ?? {}) as [TemporarySkipReason, number][]).filter(([, count]) => count > 0).map(([reason, count]) => t(`skip.${temporarySkipKeys[reason]}`, { count }));
    return parts.length > 0 ? parts.join(", ") : null;
  }

  function refusalText(result: Extract<ActionResult<unknown>, { ok: false }> | TemporaryPasswordRefusal): string {
    return t(`errors.${typeof result === "string" ? result : result.error}`);
  }

  async function count(delivery: TemporaryPasswordDelivery, target: AccessTarget, only: boolean, warning: string | null = null) {
    setNotice(null);
    setBusy(asking ? "dialog" : delivery);
    try {
      const result = await countTemporaryPasswords({ target, delivery, onlyNeverSignedIn: only });
      if (!result.ok) return setNotice({ tone: "error", text: refusalText(result) });
      if (result.value.outcome === "refused") {
        setAsking(null);
        return setNotice({ tone: "error", text: refusalText(result.value.reason) });
      }
      setAsking({ delivery, target, onlyNeverSignedIn: only, preview: result.value, warning, error: null });
    } catch {
      setNotice({ tone: "error", text: t("errors.failed") });
    } finally {
      setBusy(null);
    }
  }

  function finished(result: Extract<TemporaryPasswordResult, { outcome: "done" }>, delivery: TemporaryPasswordDelivery) {
    const main = delivery === "email" ? t("done.emailed", { count: result.issued, emailed: result.emailed }) : t("done.exported", { count: result.issued });
    const skipped = skippedText(result.skipped);
    setAsking(null);
    setNotice({ tone: "success", text: skipped ? `${main} ${t("done.skipped", { list: skipped })}` : main });
    onDone?.();
    router.refresh();
  }

  async function handleRefusal(current: Asking, result: Extract<TemporaryPasswordResult, { outcome: "refused" }>) {
    if (result.reason === "countChanged") return count(current.delivery, current.target, current.onlyNeverSignedIn, t("confirm.countChanged"));
    setAsking({ ...current, error: refusalText(result.reason) });
  }

  async function confirm() {
    if (!asking) return;
    const current = asking;
    const expectedCount = current.preview.affected;
    setBusy("dialog");
    try {
      if (current.delivery === "email") {
        const result = await resetPasswordsAndEmail({ target: current.target, onlyNeverSignedIn: current.onlyNeverSignedIn, expectedCount });
        if (!result.ok) return setAsking({ ...current, error: refusalText(result) });
        if (result.value.outcome === "refused") return handleRefusal(current, result.value);
        return finished(result.value, "email");
      }
      const response = await fetch("/api/temporary-passwords/export", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ target: current.target, onlyNeverSignedIn: current.onlyNeverSignedIn, expectedCount, format }),
      });
      if (response.status === 409) return handleRefusal(current, (await response.json()) as Extract<TemporaryPasswordResult, { outcome: "refused" }>);
      if (!response.ok) {
        const error = response.status === 404 ? "notFound" : response.status === 403 ? "forbidden" : response.status === 401 ? "unauthorised" : "failed";
        return setAsking({ ...current, error: t(`errors.${error}`) });
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileNameOf(response, `${t("file.fileName")}.${format}`);
      document.body.append(link);
      link.click();
      link.remove();
      // The passwords live in this blob only; let it go once the download has started.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      finished({ outcome: "done", issued: Number(response.headers.get("x-issued-count") ?? expectedCount), emailed: 0, skipped: current.preview.skipped }, "export");
    } catch {
      setAsking({ ...current, error: t("errors.failed") });
    } finally {
      setBusy(null);
    }
  }

  const unavailable = disabled || busy !== null;

  function details(current: Asking): string[] {
    const skipped = skippedText(current.preview.skipped);
    return previewDetails(current.preview, (names, more) => t("confirm.names", { names, more }), skipped ? t("confirm.skipped", { list: skipped }) : null);
  }

  return (
    <fieldset className="min-w-0">
      <legend className="font-medium">{t("bulk.label")}</legend>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <SelectField layout="inline" label={t("bulk.target")} value={scope} onChange={(event) => setScope(event.target.value)} options={scopes} />
        <label className="flex items-center gap-2 px-1">
          <input type="checkbox" checked={onlyNeverSignedIn} onChange={(event) => setOnlyNeverSignedIn(event.target.checked)} className="size-5" />
          <span>{t("bulk.onlyNeverSignedIn")}</span>
        </label>
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <Button variant="secondary" disabled={unavailable} aria-busy={busy === "email"} onClick={() => count("email", targetOf(), onlyNeverSignedIn)}>
          {busy === "email" ? t("bulk.counting") : t("bulk.resetAndEmail")}
        </Button>
        <SelectField
          layout="inline"
          label={t("bulk.format")}
          value={format}
          onChange={(event) => setFormat(event.target.value === "csv" ? "csv" : "xlsx")}
          options={[
            { value: "xlsx", label: t("file.formatXlsx") },
            { value: "csv", label: t("file.formatCsv") },
          ]}
        />
        <Button variant="secondary" disabled={unavailable} aria-busy={busy === "export"} onClick={() => count("export", targetOf(), onlyNeverSignedIn)}>
          {busy === "export" ? t("bulk.counting") : t("bulk.resetAndExport")}
        </Button>
      </div>
      <LiveNotice notice={notice} />
      {asking ? (
        <AccessConfirmDialog
          title={t(asking.delivery === "email" ? "confirm.emailTitle" : "confirm.exportTitle")}
          body={t(asking.delivery === "email" ? "confirm.emailBody" : "confirm.exportBody", { count: asking.preview.affected })}
          details={details(asking)}
          warning={asking.warning}
          error={asking.error}
          checkLabel={asking.target.kind === "everyone" ? t("confirm.everyoneCheck") : null}
          confirmLabel={t(asking.delivery === "email" ? "confirm.confirmEmail" : "confirm.confirmExport")}
          pendingLabel={t("confirm.pending")}
          cancelLabel={t("confirm.cancel")}
          tone="danger"
          pending={busy === "dialog"}
          onConfirm={confirm}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </fieldset>
  );
}
