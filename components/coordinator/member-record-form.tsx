"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createMemberForm, updateMemberForm, type MemberRecordFormState } from "@/lib/people/member-record-actions";
import type { MemberRecordField } from "@/lib/people/member-record-schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

type MemberRecordFormProps = {
  /** Absent: a new member. */
  personId?: string;
  values: Partial<Record<MemberRecordField, string | null>>;
};

const inputTypes: Partial<Record<MemberRecordField, string>> = { email: "email", phone: "tel", birthDate: "date", startDate: "date", endDate: "date" };
const autoComplete: Partial<Record<MemberRecordField, string>> = { firstName: "off", lastName: "off", email: "off", phone: "off", address: "off", postcode: "off", city: "off" };
const shortFields = new Set<MemberRecordField>(["infix", "phone", "birthDate", "postcode", "startDate", "endDate"]);
const hinted = new Set<MemberRecordField>(["infix", "email", "endDate"]);

const groupsOfFields: Array<{ key: "name" | "contact" | "membership"; fields: MemberRecordField[] }> = [
  { key: "name", fields: ["firstName", "infix", "lastName"] },
  { key: "contact", fields: ["email", "phone", "birthDate", "address", "postcode", "city"] },
  { key: "membership", fields: ["startDate", "endDate"] },
];

/** Every field of a member record, for a new member or an existing one; the server checks everything again. */
export function MemberRecordForm({ personId, values }: MemberRecordFormProps) {
  const t = useTranslations("memberRecords");
  const [state, action, pending] = useActionState(personId ? updateMemberForm : createMemberForm, { status: "idle" } satisfies MemberRecordFormState);
  const error = (field: MemberRecordField) => state.fieldErrors?.[field]?.[0];
  // After a refusal the form shows what was typed; a remount (the key) puts those values in the boxes.
  const shown = (field: MemberRecordField) => state.submitted?.[field] ?? values[field] ?? "";
  return (
    <form action={action} key={state.status === "invalid" ? JSON.stringify(state.submitted) : "stored"} className="mt-6 max-w-2xl space-y-6" noValidate>
      {personId ? <input type="hidden" name="personId" value={personId} /> : null}
      {groupsOfFields.map((group) => (
        <div key={group.key} className="space-y-4 rounded-xl border border-stone-200 bg-white p-4">
          {group.fields.map((field) => (
            <Field
              key={field}
              id={`member-${field}`}
              name={field}
              type={inputTypes[field] ?? "text"}
              label={
                <>
                  {t(`fields.${field}`)}
                  {field === "firstName" || field === "lastName" ? null : <span className="font-normal text-stone-600"> {t("optional")}</span>}
                </>
              }
              hint={hinted.has(field) ? t(`hints.${field as "infix" | "email" | "endDate"}`) : undefined}
              defaultValue={shown(field)}
              required={field === "firstName" || field === "lastName"}
              autoComplete={autoComplete[field]}
              size="compact"
              width={shortFields.has(field) ? "short" : "full"}
              error={error(field)}
            />
          ))}
        </div>
      ))}
      {state.message ? <Alert tone={state.status === "saved" || state.status === "unchanged" ? "success" : "error"}>{state.message}</Alert> : null}
      <Button variant="save" type="submit" pending={pending} pendingLabel={personId ? t("saving") : t("creating")}>
        {personId ? t("save") : t("create")}
      </Button>
    </form>
  );
}
