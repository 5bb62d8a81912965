"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { AccessTarget } from "@/lib/accounts/blocking/schemas";
import type { UsernameSkipReason } from "@/lib/accounts/blocking/rules";
import type { UsernameResendPreview, UsernameSkipped } from "@/lib/accounts/blocking/username-resend";
import { countUsernameResend, resendPeopleUsernames } from "@/lib/accounts/blocking/actions";
import { AccessConfirmDialog } from "./access-confirm-dialog";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { LiveNotice, type Notice } from "./live-notice";
import { previewDetails } from "./preview-details";
import { useBulkTarget, type BulkControlProps } from "./use-bulk-target";

type Asking = { target: AccessTarget; preview: Extract<UsernameResendPreview, { outcome: "preview" }>; warning: string | null; error: string | null };

const skipKeys: Record<UsernameSkipReason, string> = {
  "no-login": "noLogin",
  "not-active": "notActive",
  "never-signed-in": "neverSignedIn",
  "no-email": "noEmail",
};

/**
 * "Resend username" for the selection, a group or everyone: only people who signed in before get it.
 * Counts first; the confirmation names how many people and who is skipped, by reason.
 */
export function UsernameResendBulk({ personIds, groups, disabled = false, onDone }: BulkControlProps) {
  const t = useTranslations("usernameResend");
  const router = useRouter();
  const { scope, setScope, scopes, targetOf } = useBulkTarget(personIds, groups, {
    selection: (count) => t("targetSelection", { count }),
    group: (group) => t("targetGroup", { group }),
    everyone: t("targetEveryone"),
  });
  const [busy, setBusy] = useState<"count" | "dialog" | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  function skippedText(skipped: UsernameSkipped | undefined): string | null {
    const parts = (Object.entries(skipped ?? {}) as [UsernameSkipReason, number][]).filter(([, count]) => count > 0).map(([reason, count]) => t(`skip.${skipKeys[reason]}`, { count }));
    return parts.length > 0 ? parts.join(", ") : null;
  }

  function errorText(reason: string): string {
    if (reason === "nobodyAffected" || reason === "notFound" || reason === "forbidden") return t(`errors.${reason}`);
    if (reason === "unknownPeople" || reason === "unknownGroup") return t("errors.notFound");
    return t("errors.other");
  }

  async function count(target: AccessTarget, warning: string | null = null) {
    setNotice(null);
    setBusy(asking ? "dialog" : "count");
    try {
      const result = await countUsernameResend({ target });
      if (!result.ok) return setNotice({ tone: "error", text: errorText(result.error) });
      if (result.value.outcome === "refused") {
        setAsking(null);
        return setNotice({ tone: "error", text: errorText(result.value.reason) });
      }
      if (result.value.affected === 0) {
        setAsking(null);
        const skipped = skippedText(result.value.skipped);
        return setNotice({ tone: "error", text: skipped ? `${t("errors.nobodyAffected")} ${t("doneSkipped", { list: skipped })}` : t("errors.nobodyAffected") });
      }
      setAsking({ target, preview: result.value, warning, error: null });
    } catch {
      setNotice({ tone: "error", text: t("errors.failed") });
    } finally {
      setBusy(null);
    }
  }

  async function confirm() {
    if (!asking) return;
    const current = asking;
    setBusy("dialog");
    try {
      const result = await resendPeopleUsernames({ target: current.target, expectedCount: current.preview.affected });
      if (!result.ok) return setAsking({ ...current, error: errorText(result.error) });
      if (result.value.outcome === "refused") {
        if (result.value.reason === "countChanged") return count(current.target, t("countChanged"));
        return setAsking({ ...current, error: errorText(result.value.reason) });
      }
      const skipped = skippedText(result.value.skipped);
      const main = t("done", { count: result.value.emailed });
      setAsking(null);
      setNotice({ tone: "success", text: skipped ? `${main} ${t("doneSkipped", { list: skipped })}` : main });
      onDone?.();
      router.refresh();
    } catch {
      setAsking({ ...current, error: t("errors.failed") });
    } finally {
      setBusy(null);
    }
  }

  function details(current: Asking): string[] {
    const skipped = skippedText(current.preview.skipped);
    return previewDetails(current.preview, (names, more) => t("confirmNames", { names, more }), skipped ? t("confirmSkipped", { list: skipped }) : null);
  }

  return (
    <fieldset className="min-w-0">
      <legend className="font-medium">{t("label")}</legend>
      <p className="text-sm text-stone-600">{t("hint")}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <SelectField layout="inline" label={t("target")} value={scope} onChange={(event) => setScope(event.target.value)} options={scopes} />
        <Button variant="secondary" disabled={disabled || busy !== null} aria-busy={busy === "count"} onClick={() => count(targetOf())}>
          {busy === "count" ? t("counting") : t("send")}
        </Button>
      </div>
      <LiveNotice notice={notice} />
      {asking ? (
        <AccessConfirmDialog
          title={t("confirmTitle")}
          body={t("confirmBody", { count: asking.preview.affected })}
          details={details(asking)}
          warning={asking.warning}
          error={asking.error}
          checkLabel={asking.target.kind === "everyone" ? t("everyoneCheck") : null}
          confirmLabel={t("confirm")}
          pendingLabel={t("pending")}
          cancelLabel={t("cancel")}
          tone="primary"
          pending={busy === "dialog"}
          onConfirm={confirm}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </fieldset>
  );
}
