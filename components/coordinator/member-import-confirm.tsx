"use client";
import { useActionState, useId, useRef } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { FormState } from "@/components/ui/form-state";
import { confirmMemberImportForm } from "@/lib/people/import/actions";

/** The go-ahead: a dialog naming how many members will be added and how many lines are skipped. */
export function MemberImportConfirm({ importId, count, skipped }: { importId: string; count: number; skipped: number }) {
  const t = useTranslations("memberImport.confirm");
  const [state, action, pending] = useActionState(confirmMemberImportForm, {} satisfies FormState);
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  return (
    <>
      <Button variant="save" onClick={() => dialog.current?.showModal()}>
        {t("button", { count })}
      </Button>
      {state.message && !pending ? <Alert tone="error" className="mt-3">{state.message}</Alert> : null}
      <Dialog ref={dialog} labelledBy={headingId} onCancel={() => (pending ? undefined : dialog.current?.close())}>
        <form action={action} className="space-y-3 p-5">
          <input type="hidden" name="importId" value={importId} />
          <input type="hidden" name="expectedCount" value={count} />
          <h2 id={headingId} className="text-lg font-semibold">
            {t("question", { count })}
          </h2>
          <p>{t("skipped", { count: skipped })}</p>
          <p className="text-sm text-stone-700">{t("logins")}</p>
          <div className="flex flex-wrap justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()} disabled={pending}>
              {t("cancel")}
            </Button>
            <Button variant="confirm" type="submit" pending={pending} pendingLabel={t("submitting")}>
              {t("submit", { count })}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
