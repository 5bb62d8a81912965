"use client";
// The members table's tools behind "Logins, wachtwoorden en hele groepen": shown inside
// <OnDemandMessages part="people.bulkTools">, which fetches their texts the first time they open.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { LoginBulkActions } from "./login-bulk-actions";
import { TemporaryPasswordBulk } from "./temporary-password-bulk";
import { UsernameResendBulk } from "./username-resend-bulk";
import type { GroupChoice } from "./people-access-manager";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";

type PeopleBulkToolsProps = {
  personIds: string[];
  groups: GroupChoice[];
  disabled: boolean;
  onDone: () => void;
};

/** Logins, temporary passwords and usernames for the selection, a group or everyone. */
export function PeopleBulkTools({ personIds, groups, disabled, onDone }: PeopleBulkToolsProps) {
  return (
    <>
      <div className="mt-4">
        <LoginBulkActions personIds={personIds} groups={groups} disabled={disabled} onDone={onDone} />
      </div>
      <div className="mt-4">
        <TemporaryPasswordBulk personIds={personIds} groups={groups} disabled={disabled} onDone={onDone} />
      </div>
      <div className="mt-4">
        <UsernameResendBulk personIds={personIds} groups={groups} disabled={disabled} onDone={onDone} />
      </div>
    </>
  );
}

type WholeGroupsBlockProps = {
  groups: GroupChoice[];
  /** The group filter in use, preselected. */
  initialGroupId: string | null;
  /** Which of the two buttons waits for the count, if any; another control waiting disables both. */
  busy: "group" | "everyone" | "other" | null;
  onBlockGroup: (groupId: string) => void;
  onBlockEveryone: () => void;
};

/** "Block a whole group" and "block everyone": each counts first and asks, like every block. */
export function WholeGroupsBlock({ groups, initialGroupId, busy, onBlockGroup, onBlockEveryone }: WholeGroupsBlockProps) {
  const t = useTranslations("accounts");
  const [groupId, setGroupId] = useState(initialGroupId ?? "");
  return (
    <fieldset className="min-w-0">
      <legend className="sr-only">{t("bulk.wholeGroups")}</legend>
      <p className="font-medium" aria-hidden="true">
        {t("bulk.wholeGroups")}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <SelectField
          layout="inline"
          id="group-to-block"
          label={t("bulk.groupToBlock")}
          value={groupId}
          onChange={(event) => setGroupId(event.target.value)}
          options={[{ value: "", label: t("bulk.chooseGroup") }, ...groups.map((group) => ({ value: group.id, label: group.label }))]}
        />
        <Button
          variant="dangerSecondary"
          disabled={!groupId || busy !== null}
          aria-busy={busy === "group"}
          pending={busy === "group"}
          pendingLabel={t("bulk.counting")}
          onClick={() => onBlockGroup(groupId)}
        >
          {t("bulk.blockGroup")}
        </Button>
        <Button
          variant="danger"
          disabled={busy !== null}
          aria-busy={busy === "everyone"}
          pending={busy === "everyone"}
          pendingLabel={t("bulk.counting")}
          onClick={onBlockEveryone}
        >
          {t("bulk.blockEveryone")}
        </Button>
      </div>
    </fieldset>
  );
}
