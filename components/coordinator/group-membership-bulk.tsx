"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/auth/guards";
import type { MembershipChange } from "@/lib/tenancy/groups";
import { addMembersToGroup, removeMembersFromGroup } from "@/lib/tenancy/groups-actions";
import { AccessConfirmDialog } from "./access-confirm-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";

type GroupMembershipBulkProps = {
  /** The selected people on this page of the members table. */
  personIds: readonly string[];
  /** Groups that take members (archived ones are not offered). */
  groups: readonly { id: string; name: string }[];
  /** Another control of the bar is waiting for the server. */
  disabled?: boolean;
  /** After a change: the bar clears its selection. */
  onDone?: () => void;
};

type Change = "add" | "remove";

/**
 * Puts the selected people in a group or takes them out, after a confirmation naming how many people
 * and which group. The server does it in one statement and leaves alone whoever already was (not) in it.
 */
export function GroupMembershipBulk({ personIds, groups, disabled = false, onDone }: GroupMembershipBulkProps) {
  const t = useTranslations("groupMembership");
  const router = useRouter();
  const [groupId, setGroupId] = useState("");
  const [asking, setAsking] = useState<{ change: Change; groupId: string; groupName: string; personIds: string[]; error: string | null } | null>(null);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const group = groups.find((option) => option.id === groupId);
  const unavailable = disabled || pending || personIds.length === 0 || !group;

  function failureText(result: Extract<ActionResult<MembershipChange>, { ok: false }> | { ok: true; value: Extract<MembershipChange, { outcome: "refused" }> }): string {
    if (result.ok) return t(`errors.${result.value.problem}`);
    return t(`errors.${result.error}`);
  }

  async function confirm() {
    if (!asking) return;
    setPending(true);
    try {
      const call = asking.change === "add" ? addMembersToGroup : removeMembersFromGroup;
      const result = await call({ groupId: asking.groupId, personIds: asking.personIds });
      if (!result.ok) return setAsking({ ...asking, error: failureText(result) });
      const value = result.value;
      if (value.outcome === "refused") return setAsking({ ...asking, error: failureText({ ok: true, value }) });
      const main = t(asking.change === "add" ? "added" : "removed", { count: value.changed, group: value.groupName });
      const rest = value.changed > 0 && value.unchanged > 0 ? ` ${t(asking.change === "add" ? "alreadyIn" : "notIn", { count: value.unchanged })}` : "";
      setAsking(null);
      setNotice(`${main}${rest}`);
      onDone?.();
      router.refresh();
    } catch {
      setAsking({ ...asking, error: t("errors.failed") });
    } finally {
      setPending(false);
    }
  }

  function ask(change: Change) {
    if (!group) return;
    setNotice(null);
    setAsking({ change, groupId: group.id, groupName: group.name, personIds: [...personIds], error: null });
  }

  return (
    <fieldset className="min-w-0">
      <legend className="font-medium">{t("label")}</legend>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <SelectField
          layout="inline"
          label={t("group")}
          value={groupId}
          onChange={(event) => setGroupId(event.target.value)}
          options={[{ value: "", label: t("chooseGroup") }, ...groups.map((option) => ({ value: option.id, label: option.name }))]}
        />
        <Button variant="secondary" disabled={unavailable} onClick={() => ask("add")}>
          {t("add")}
        </Button>
        <Button variant="secondary" disabled={unavailable} onClick={() => ask("remove")}>
          {t("remove")}
        </Button>
      </div>
      <div aria-live="polite" role="status" className="mt-2 empty:hidden">
        {notice ? (
          <Alert tone="success" role="none">
            {notice}
          </Alert>
        ) : null}
      </div>
      {asking ? (
        <AccessConfirmDialog
          title={t(asking.change === "add" ? "confirmAddTitle" : "confirmRemoveTitle", { count: asking.personIds.length, group: asking.groupName })}
          body={t(asking.change === "add" ? "confirmAddBody" : "confirmRemoveBody")}
          details={[]}
          warning={null}
          error={asking.error}
          checkLabel={null}
          confirmLabel={t(asking.change === "add" ? "confirmAdd" : "confirmRemove")}
          pendingLabel={t("pending")}
          cancelLabel={t("cancel")}
          tone={asking.change === "add" ? "primary" : "danger"}
          pending={pending}
          onConfirm={confirm}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </fieldset>
  );
}
