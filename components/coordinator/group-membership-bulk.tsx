"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/auth/guards";
import type { MembershipChange } from "@/lib/tenancy/groups";
import { addMembersToGroup, removeMembersFromGroup } from "@/lib/tenancy/groups-actions";
import { GroupMembershipConfirm, GroupMembershipOutcome, type MembershipAsking, type MembershipChangeKind, type MembershipOutcome } from "./group-membership-texts";
import { OnDemandMessages, usePrefetchMessages } from "@/components/on-demand-messages";
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

/**
 * Puts the selected people in a group or takes them out, after a confirmation naming how many people
 * and which group. The server does it in one statement and leaves alone whoever already was (not) in it.
 */
export function GroupMembershipBulk({ personIds, groups, disabled = false, onDone }: GroupMembershipBulkProps) {
  const t = useTranslations("groupMembership");
  const router = useRouter();
  const [groupId, setGroupId] = useState("");
  const [asking, setAsking] = useState<MembershipAsking | null>(null);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<MembershipOutcome | null>(null);
  // The confirmation's texts come when first needed; asked for as soon as a group is chosen.
  const prefetchTexts = usePrefetchMessages("people.dialogs");
  const group = groups.find((option) => option.id === groupId);
  const unavailable = disabled || pending || personIds.length === 0 || !group;

  /** The key under groupMembership.errors. */
  function failure(result: Extract<ActionResult<MembershipChange>, { ok: false }> | { ok: true; value: Extract<MembershipChange, { outcome: "refused" }> }): string {
    return result.ok ? result.value.problem : result.error;
  }

  async function confirm() {
    if (!asking) return;
    setPending(true);
    try {
      const call = asking.change === "add" ? addMembersToGroup : removeMembersFromGroup;
      const result = await call({ groupId: asking.groupId, personIds: asking.personIds });
      if (!result.ok) return setAsking({ ...asking, error: failure(result) });
      const value = result.value;
      if (value.outcome === "refused") return setAsking({ ...asking, error: failure({ ok: true, value }) });
      setAsking(null);
      setNotice({ change: asking.change, changed: value.changed, unchanged: value.unchanged, groupName: value.groupName });
      onDone?.();
      router.refresh();
    } catch {
      setAsking({ ...asking, error: "failed" });
    } finally {
      setPending(false);
    }
  }

  function ask(change: MembershipChangeKind) {
    if (!group) return;
    setNotice(null);
    prefetchTexts();
    setAsking({ change, groupId: group.id, groupName: group.name, personIds: [...personIds], error: null });
  }

  return (
    <fieldset className="min-w-0">
      <legend className="font-medium">{t("label")}</legend>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <SelectField
          layout="inline"
          id="group-for-selection"
          label={t("group")}
          value={groupId}
          onChange={(event) => {
            if (event.target.value) prefetchTexts();
            setGroupId(event.target.value);
          }}
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
          <OnDemandMessages part="people.dialogs">
            <Alert tone="success" role="none">
              <GroupMembershipOutcome outcome={notice} />
            </Alert>
          </OnDemandMessages>
        ) : null}
      </div>
      {asking ? (
        <OnDemandMessages part="people.dialogs">
          <GroupMembershipConfirm asking={asking} pending={pending} onConfirm={confirm} onCancel={() => setAsking(null)} />
        </OnDemandMessages>
      ) : null}
    </fieldset>
  );
}
