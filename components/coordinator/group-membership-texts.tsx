"use client";
// Group membership's confirmation and outcome in words, shown inside
// <OnDemandMessages part="people.dialogs">: the members table does not carry these texts until a
// coordinator adds people to a group or takes them out (lib/i18n/on-demand-parts.ts).
import { useTranslations } from "next-intl";
import { AccessConfirmDialog } from "./access-confirm-dialog";

export type MembershipChangeKind = "add" | "remove";

export type MembershipAsking = { change: MembershipChangeKind; groupId: string; groupName: string; personIds: string[]; error: string | null };

export type MembershipOutcome = { change: MembershipChangeKind; changed: number; unchanged: number; groupName: string };

/** "3 people added to ‘Tuinploeg’. 1 already was." */
export function GroupMembershipOutcome({ outcome }: { outcome: MembershipOutcome }) {
  const t = useTranslations("groupMembership");
  const main = t(outcome.change === "add" ? "added" : "removed", { count: outcome.changed, group: outcome.groupName });
  const rest = outcome.changed > 0 && outcome.unchanged > 0 ? ` ${t(outcome.change === "add" ? "alreadyIn" : "notIn", { count: outcome.unchanged })}` : "";
  return `${main}${rest}`;
}

/** Asks before adding the selection to a group or taking it out, naming how many and which group. */
export function GroupMembershipConfirm({ asking, pending, onConfirm, onCancel }: { asking: MembershipAsking; pending: boolean; onConfirm: () => void; onCancel: () => void }) {
  const t = useTranslations("groupMembership");
  return (
    <AccessConfirmDialog
      title={t(asking.change === "add" ? "confirmAddTitle" : "confirmRemoveTitle", { count: asking.personIds.length, group: asking.groupName })}
      body={t(asking.change === "add" ? "confirmAddBody" : "confirmRemoveBody")}
      details={[]}
      warning={null}
      error={asking.error === null ? null : t(`errors.${asking.error}`)}
      checkLabel={null}
      confirmLabel={t(asking.change === "add" ? "confirmAdd" : "confirmRemove")}
      pendingLabel={t("pending")}
      cancelLabel={t("cancel")}
      tone={asking.change === "add" ? "primary" : "danger"}
      pending={pending}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
