"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/components/ui/form-state";
import { SelectField } from "@/components/ui/select-field";
import { chooseImportColumnsForm } from "@/lib/people/import/actions";
import { importFields, type ColumnTarget } from "@/lib/people/import/mapping";

export type MemberImportColumnView = { header: string; examples: string[]; target: ColumnTarget };

/** One choice per file column: which member field it holds, or "do not import". */
export function MemberImportMappingForm({ importId, columns, missing }: { importId: string; columns: MemberImportColumnView[]; missing: string | null }) {
  const t = useTranslations("memberImport");
  const [state, action, pending] = useActionState(chooseImportColumnsForm, {} satisfies FormState);
  const options = [...importFields, "ignore" as const].map((field) => ({ value: field, label: t(`fields.${field}`) }));
  const message = pending ? null : (state.message ?? null);
  return (
    <form action={action} className="mt-6 max-w-3xl space-y-4">
      <input type="hidden" name="importId" value={importId} />
      {missing && !message ? <Alert tone="warning">{t("mapping.missingColumns", { fields: missing })}</Alert> : null}
      <ul className="space-y-3">
        {columns.map((column, index) => (
          <li key={index} className="rounded-xl border border-stone-200 bg-white p-4">
            <SelectField
              name={`column.${index}`}
              label={column.header ? t("mapping.column", { column: index + 1, header: column.header }) : t("mapping.unnamedColumn", { column: index + 1 })}
              hint={column.examples.length > 0 ? t("mapping.examples", { values: column.examples.join(", ") }) : t("mapping.noExamples")}
              defaultValue={column.target}
              options={options}
              width="short"
              className="sm:[&_select]:w-72"
            />
          </li>
        ))}
      </ul>
      {message ? <Alert tone="error">{message}</Alert> : null}
      <Button variant="save" type="submit" pending={pending} pendingLabel={t("mapping.submitting")}>
        {t("mapping.submit")}
      </Button>
    </form>
  );
}
