"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changeGroupStatusForm, type GroupFormState } from "@/lib/tenancy/groups-actions";
import { ConfirmSubmitButton } from "@/components/confirm-submit-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type GroupStatusFormsProps = {
  group: { id: string; name: string; members: number; comingShifts: number };
  /** The day it was archived, formatted; null while active. */
  archivedSince: string | null;
};

/**
 * Archive or restore a group, and delete it after a confirmation that says what deleting does: the
 * coming shifts only for this group open up to everyone, and members lose nothing but the membership.
 */
export function GroupStatusForms({ group, archivedSince }: GroupStatusFormsProps) {
  const t = useTranslations("groups");
  const [state, action, pending] = useActionState(changeGroupStatusForm, {} satisfies GroupFormState);
  const deleteText = t("deleteText", { shifts: group.comingShifts, members: group.members });
  const section = "rounded-xl border border-stone-200 bg-white p-5";
  return (
    <>
      {state.message ? (
        <Alert tone={state.status === "failed" ? "error" : "success"} className="mt-6">
          {state.message}
        </Alert>
      ) : null}
      <section aria-labelledby="group-archive" className={`${section} mt-6`}>
        <h2 id="group-archive" className="text-lg font-semibold">
          {t("archiveTitle")}
        </h2>
        <p className="mt-2 max-w-2xl text-stone-700">{archivedSince ? t("archivedSince", { date: archivedSince }) : t("archiveText")}</p>
        <form action={action} className="mt-3">
          <input type="hidden" name="groupId" value={group.id} />
          <input type="hidden" name="intent" value={archivedSince ? "unarchive" : "archive"} />
          <Button variant="secondary" type="submit" pending={pending}>
            {archivedSince ? t("unarchive") : t("archive")}
          </Button>
        </form>
      </section>
      <section aria-labelledby="group-delete" className={`${section} mt-6 border-red-200`}>
        <h2 id="group-delete" className="text-lg font-semibold text-red-900">
          {t("deleteTitle")}
        </h2>
        <p className="mt-2 max-w-2xl text-stone-700">{deleteText}</p>
        <form action={action} className="mt-3">
          <input type="hidden" name="groupId" value={group.id} />
          <input type="hidden" name="intent" value="delete" />
          <ConfirmSubmitButton
            confirmText={t("deleteConfirm", { name: group.name, details: deleteText })}
            confirmLabel={t("deleteConfirmLabel")}
            className="rounded-lg border border-red-700 bg-white px-4 py-2.5 font-semibold text-red-800 hover:bg-red-50"
          >
            {t("delete")}
          </ConfirmSubmitButton>
        </form>
      </section>
    </>
  );
}
