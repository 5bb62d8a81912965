"use client";
import { useActionState } from "react";
import type { RecordFormState } from "@/lib/tenancy/archivable-records";
import { ConfirmSubmitButton } from "@/components/confirm-submit-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type RecordStatusFormsProps = {
  /** The form field the action reads the record's id from, and the id. */
  record: { field: "groupId" | "locationId"; id: string };
  /** Prefix of the sections' heading ids: `<kind>-archive` and `<kind>-delete`. */
  kind: "group" | "location";
  archived: boolean;
  /** Answers intent "archive", "unarchive" and "delete". */
  action: (previous: RecordFormState, formData: FormData) => Promise<RecordFormState>;
  /** Translated by the page; archiveText and archiveButton already for the current state. */
  texts: {
    archiveTitle: string;
    archiveText: string;
    archiveButton: string;
    deleteTitle: string;
    /** What deleting does, or why it cannot be deleted. */
    deleteText: string;
    /** Null when it cannot be deleted: no delete button is offered. */
    deleteConfirm: string | null;
    deleteConfirmLabel: string;
    deleteButton: string;
  };
};

/** Archive or restore a group or location, and delete it after a confirmation that says what deleting does. */
export function RecordStatusForms({ record, kind, archived, action: changeStatus, texts }: RecordStatusFormsProps) {
  const [state, action, pending] = useActionState(changeStatus, {} satisfies RecordFormState);
  const section = "rounded-xl border border-stone-200 bg-white p-5";
  return (
    <>
      {state.message ? (
        <Alert tone={state.status === "failed" ? "error" : "success"} className="mt-6">
          {state.message}
        </Alert>
      ) : null}
      <section aria-labelledby={`${kind}-archive`} className={`${section} mt-6`}>
        <h2 id={`${kind}-archive`} className="text-lg font-semibold">
          {texts.archiveTitle}
        </h2>
        <p className="mt-2 max-w-2xl text-stone-700">{texts.archiveText}</p>
        <form action={action} className="mt-3">
          <input type="hidden" name={record.field} value={record.id} />
          <input type="hidden" name="intent" value={archived ? "unarchive" : "archive"} />
          <Button variant="secondary" type="submit" pending={pending}>
            {texts.archiveButton}
          </Button>
        </form>
      </section>
      <section aria-labelledby={`${kind}-delete`} className={`${section} mt-6 border-red-200`}>
        <h2 id={`${kind}-delete`} className="text-lg font-semibold text-red-900">
          {texts.deleteTitle}
        </h2>
        <p className="mt-2 max-w-2xl text-stone-700">{texts.deleteText}</p>
        {texts.deleteConfirm ? (
          <form action={action} className="mt-3">
            <input type="hidden" name={record.field} value={record.id} />
            <input type="hidden" name="intent" value="delete" />
            <ConfirmSubmitButton
              confirmText={texts.deleteConfirm}
              confirmLabel={texts.deleteConfirmLabel}
              className="rounded-lg border border-red-700 bg-white px-4 py-2.5 font-semibold text-red-800 hover:bg-red-50"
            >
              {texts.deleteButton}
            </ConfirmSubmitButton>
          </form>
        ) : null}
      </section>
    </>
  );
}
