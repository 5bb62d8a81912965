"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveGroupForm, type GroupFormState } from "@/lib/tenancy/groups-actions";
import { EMAIL_MAX, GROUP_NAME_MAX } from "@/lib/tenancy/groups-schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/**
 * A group's name and email address: empty to create a new group, or the group to edit. A duplicate
 * name (in any letter case) comes back as a message at the name field; what was typed stays.
 */
export function GroupForm({ group }: { group?: { id: string; name: string; email: string | null } }) {
  const t = useTranslations("groups");
  const [state, action, pending] = useActionState(saveGroupForm, {} satisfies GroupFormState);
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  const failed = state.status === "failed";
  return (
    <form action={action} className="max-w-xl space-y-4">
      {group ? <input type="hidden" name="groupId" value={group.id} /> : null}
      <Field name="name" label={t("name")} defaultValue={group?.name ?? ""} maxLength={GROUP_NAME_MAX} required size="compact" error={error("name")} autoComplete="off" />
      <Field
        name="email"
        type="email"
        label={t("email")}
        hint={t("emailHint")}
        defaultValue={group?.email ?? ""}
        maxLength={EMAIL_MAX}
        size="compact"
        autoComplete="off"
        error={error("email")}
      />
      {state.message ? <Alert tone={failed ? "error" : "success"}>{state.message}</Alert> : null}
      <Button variant="save" type="submit" pending={pending} pendingLabel={group ? t("saving") : t("creating")}>
        {group ? t("save") : t("create")}
      </Button>
    </form>
  );
}
