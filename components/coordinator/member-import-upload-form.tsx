"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FormState } from "@/components/ui/form-state";
import { uploadMemberImportForm } from "@/lib/people/import/actions";

const accepted = ".csv,.xlsx,.txt,.tsv,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Choosing the member list to import. The server reads and checks it; the size is checked here first
 * to spare a slow upload. On success the server moves on to the column step.
 */
export function MemberImportUploadForm({ maxBytes, maxMb, maxRows, refusedBeforeUpload = false }: { maxBytes: number; maxMb: number; maxRows: number; refusedBeforeUpload?: boolean }) {
  const t = useTranslations("memberImport.upload");
  const [state, action, pending] = useActionState(uploadMemberImportForm, {} satisfies FormState);
  const [clientError, setClientError] = useState<string | null>(refusedBeforeUpload ? t("refused.tooLarge", { maxMb }) : null);

  function choose(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    if (!file) return setClientError(null);
    if (file.size === 0) setClientError(t("refused.empty"));
    else if (file.size > maxBytes) setClientError(t("refused.tooLarge", { maxMb }));
    else setClientError(null);
  }

  const message = clientError ?? (pending ? null : state.message);
  return (
    <form action={action} className="mt-6 max-w-2xl space-y-4 rounded-xl border border-stone-200 bg-white p-4" onSubmit={(event) => clientError && event.preventDefault()}>
      <Field
        name="file"
        type="file"
        label={t("file")}
        hint={t("fileHint", { maxMb, maxRows })}
        accept={accepted}
        required
        size="compact"
        onChange={choose}
        invalid={Boolean(message)}
        aria-describedby={message ? "member-import-upload-error" : undefined}
      />
      {message ? (
        <Alert tone="error" id="member-import-upload-error">
          {message}
        </Alert>
      ) : null}
      <Button variant="save" type="submit" pending={pending} pendingLabel={t("submitting")}>
        {t("submit")}
      </Button>
    </form>
  );
}
