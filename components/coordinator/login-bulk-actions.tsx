"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { AccessTarget } from "@/lib/accounts/blocking/schemas";
import { LoginActions } from "./login-actions";
import { SelectField } from "@/components/ui/select-field";

type LoginBulkActionsProps = {
  /** The people selected in the table. */
  personIds: string[];
  groups: { id: string; label: string }[];
  disabled: boolean;
  onDone: () => void;
};

/**
 * The members table's login controls: create logins for, or activate the pending logins of, the
 * selected people, a whole group or everyone.
 */
export function LoginBulkActions({ personIds, groups, disabled, onDone }: LoginBulkActionsProps) {
  const t = useTranslations("logins");
  const [scope, setScope] = useState("selection");
  const target: AccessTarget | null =
    scope === "everyone"
      ? { kind: "everyone" }
      : scope.startsWith("group:")
        ? { kind: "group", groupId: scope.slice("group:".length) }
        : personIds.length > 0
          ? { kind: "selection", personIds }
          : null;

  return (
    // A group, not a disabled fieldset: the dialogs render inside it and must stay usable.
    <div role="group" aria-label={t("bulk.label")} className="flex flex-wrap items-center gap-2">
      <SelectField
        layout="inline"
        label={t("bulk.scope")}
        value={scope}
        onChange={(event) => setScope(event.target.value)}
        disabled={disabled}
        options={[
          { value: "selection", label: t("bulk.scopeSelection", { count: personIds.length }) },
          ...groups.map((group) => ({ value: `group:${group.id}`, label: t("bulk.scopeGroup", { group: group.label }) })),
          { value: "everyone", label: t("bulk.scopeEveryone") },
        ]}
      />
      <LoginActions
        target={target}
        showCreate
        showActivate
        createLabel={t("bulk.create")}
        activateLabel={t("bulk.activate")}
        buttonClassName="rounded-lg border border-stone-300 px-3 py-2 font-medium hover:bg-stone-100 disabled:opacity-50"
        disabled={disabled}
        onDone={scope === "selection" ? onDone : undefined}
      />
      {target === null ? <p className="basis-full text-sm text-stone-600">{t("bulk.selectFirst")}</p> : null}
    </div>
  );
}
