"use client";
// The members table's confirmations and outcomes in words. The table keeps what happened as data
// (AccessMessage, Confirmation, Scheduling) and shows it through these components inside
// <OnDemandMessages part="people.dialogs">: the page does not carry their texts until they are needed
// (lib/i18n/on-demand-parts.ts). The member page sends them with the page, and the same components work there.
import { useFormatter, useTranslations } from "next-intl";
import type { AccessChangeResult, AccessPreview, Skipped } from "@/lib/accounts/blocking/blocking";
import type { AccessChangeKind, AccessTarget } from "@/lib/accounts/blocking/schemas";
import type { ActionResult } from "@/lib/auth/guards";
import { dayKeyAsDate } from "@/lib/dates";
import { formats } from "@/lib/i18n/formats";
import { AccessConfirmDialog } from "./access-confirm-dialog";
import { ScheduleBlockDialog } from "./schedule-block-dialog";

type Refusal = Extract<AccessChangeResult | AccessPreview, { outcome: "refused" }>;

/** A row action that finishes without a dialog's question (or after the authenticator one). */
export type RowActionDone = "unlock" | "resetAuthenticator" | "resendUsername" | "cancelSchedule";

/** What the table tells the coordinator: an outcome, a refusal or a failure. */
export type AccessMessage =
  /** The server could not be reached or failed. */
  | { kind: "failed" }
  | { kind: "failure"; result: Extract<ActionResult<unknown>, { ok: false }> }
  | { kind: "refusal"; result: Refusal }
  | { kind: "changed"; change: AccessChangeKind; changed: number; emailed: number; skipped?: Skipped }
  | { kind: "scheduled"; date: string; changed: number; skipped?: Skipped }
  | { kind: "rowDone"; action: RowActionDone; name: string };

export type Confirmation = {
  change: AccessChangeKind;
  target: AccessTarget;
  preview: Extract<AccessPreview, { outcome: "preview" }>;
  /** The number changed since it was counted: the dialog says so. */
  recounted: boolean;
  error: AccessMessage | null;
};

export type Scheduling = {
  target: Extract<AccessTarget, { kind: "person" | "selection" }>;
  /** One person's name, or how many are selected. */
  name: string | null;
  count: number;
  /** The end date on record, shown as a hint. */
  endDateLabel: string | null;
  defaultDate: string;
  error: AccessMessage | null;
};

const rowDoneKeys = {
  unlock: "done.unlocked",
  resetAuthenticator: "done.authenticatorReset",
  resendUsername: "done.usernameSent",
  cancelSchedule: "done.scheduleCancelled",
} as const;

function useAccessTexts() {
  const t = useTranslations("accounts");
  const format = useFormatter();

  function skippedList(skipped: Skipped | undefined): string | null {
    const entries = Object.entries(skipped ?? {}).filter(([, count]) => (count ?? 0) > 0);
    if (entries.length === 0) return null;
    return entries.map(([reason, count]) => t(`skip.${reason}`, { count: count ?? 0 })).join(", ");
  }

  function withSkipped(text: string, skipped: Skipped | undefined): string {
    const list = skippedList(skipped);
    return list ? `${text} ${t("done.skipped", { list })}` : text;
  }

  function messageText(message: AccessMessage): string {
    switch (message.kind) {
      case "failed":
        return t("errors.failed");
      case "failure": {
        const { result } = message;
        if (result.error !== "invalid") return t(`errors.${result.error}`);
        const first = Object.values(result.fieldErrors ?? {})[0]?.[0];
        return first && t.has(`errors.${first}`) ? t(`errors.${first}`) : t("errors.failed");
      }
      case "refusal": {
        const { result } = message;
        const text = t(`errors.${result.reason}`, { count: "count" in result ? (result.count ?? 0) : 0 });
        return withSkipped(text, "skipped" in result ? result.skipped : undefined);
      }
      case "changed":
        return withSkipped(t(message.change === "block" ? "done.blocked" : "done.unblocked", { changed: message.changed, emailed: message.emailed }), message.skipped);
      case "scheduled": {
        const date = format.dateTime(dayKeyAsDate(message.date), { ...formats.dateTime.day, timeZone: "UTC" });
        return withSkipped(t("done.scheduled", { date, changed: message.changed }), message.skipped);
      }
      case "rowDone":
        return t(rowDoneKeys[message.action], { name: message.name });
    }
  }

  return { t, skippedList, messageText };
}

/** One outcome, refusal or failure in words. */
export function AccessMessageText({ message }: { message: AccessMessage }) {
  return useAccessTexts().messageText(message);
}

type DialogActions = { pending: boolean; onConfirm: () => void; onCancel: () => void };

/** "Block 3 people?" (or unblock, a group, everyone): how many, who, who is left out and why. */
export function AccessChangeConfirm({ confirmation, pending, onConfirm, onCancel }: { confirmation: Confirmation } & DialogActions) {
  const { t, skippedList, messageText } = useAccessTexts();
  const { preview, change, target } = confirmation;
  const count = preview.affected;
  const title =
    change === "unblock"
      ? t("confirm.unblockTitle", { count })
      : target.kind === "everyone"
        ? t("confirm.everyoneTitle", { count })
        : target.kind === "group"
          ? t("confirm.groupTitle", { count, group: preview.groupName ?? "" })
          : t("confirm.blockTitle", { count });
  const details = [t("confirm.names", { names: preview.names.join(", "), more: count - preview.names.length })];
  if (preview.withoutEmail > 0) details.push(t("confirm.withoutEmail", { count: preview.withoutEmail }));
  const skipped = skippedList(preview.skipped);
  if (skipped) details.push(t("confirm.skipped", { list: skipped }));
  return (
    <AccessConfirmDialog
      title={title}
      body={t(change === "block" ? "confirm.blockBody" : "confirm.unblockBody", { count })}
      details={details}
      warning={confirmation.recounted ? t("confirm.countChanged") : null}
      error={confirmation.error ? messageText(confirmation.error) : null}
      checkLabel={target.kind === "everyone" ? t("confirm.everyoneCheck") : null}
      confirmLabel={t(change === "block" ? "confirm.confirmBlock" : "confirm.confirmUnblock", { count })}
      pendingLabel={t(change === "block" ? "confirm.blocking" : "confirm.unblocking")}
      cancelLabel={t("confirm.cancel")}
      tone={change === "block" ? "danger" : "primary"}
      pending={pending}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}

/** Removing a person's authenticator app weakens their account until they set a new one: asked first. */
export function ResetAuthenticatorConfirm({ name, error, pending, onConfirm, onCancel }: { name: string; error: AccessMessage | null } & DialogActions) {
  const { t, messageText } = useAccessTexts();
  return (
    <AccessConfirmDialog
      title={t("confirm.resetAuthenticatorTitle", { name })}
      body={t("confirm.resetAuthenticatorBody", { name })}
      details={[]}
      warning={null}
      error={error ? messageText(error) : null}
      checkLabel={null}
      confirmLabel={t("confirm.confirmResetAuthenticator")}
      pendingLabel={t("confirm.resetting")}
      cancelLabel={t("confirm.cancel")}
      tone="danger"
      pending={pending}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}

/** The day a block takes effect, for one person or the selection. */
export function ScheduleBlockAsk({
  scheduling,
  minDate,
  pending,
  onSubmit,
  onCancel,
}: { scheduling: Scheduling; minDate: string; pending: boolean; onSubmit: (date: string) => void; onCancel: () => void }) {
  const { t, messageText } = useAccessTexts();
  return (
    <ScheduleBlockDialog
      title={scheduling.name ? t("schedule.titleFor", { name: scheduling.name }) : t("schedule.titleMany", { count: scheduling.count })}
      body={t("schedule.body")}
      hint={scheduling.endDateLabel ? t("schedule.endDateHint", { date: scheduling.endDateLabel }) : null}
      dateLabel={t("schedule.date")}
      defaultDate={scheduling.defaultDate}
      minDate={minDate}
      error={scheduling.error ? messageText(scheduling.error) : null}
      submitLabel={t("schedule.submit")}
      pendingLabel={t("schedule.submitting")}
      cancelLabel={t("schedule.cancel")}
      pending={pending}
      onSubmit={onSubmit}
      onCancel={onCancel}
    />
  );
}
