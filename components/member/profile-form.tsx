"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { saveMyProfile, type ProfileFormState } from "@/lib/people/actions";
import type { TextProfileField } from "@/lib/people/rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

type FieldSpec = {
  name: TextProfileField;
  type?: "email" | "tel" | "date";
  autoComplete?: string;
  inputMode?: "text" | "email" | "tel";
  autoCapitalize?: "none" | "words" | "characters";
  /** Narrow inputs for short values. */
  short?: boolean;
};

const fields: FieldSpec[] = [
  { name: "firstName", autoComplete: "given-name", autoCapitalize: "words" },
  { name: "infix", autoComplete: "off", autoCapitalize: "none", short: true },
  { name: "lastName", autoComplete: "family-name", autoCapitalize: "words" },
  { name: "email", type: "email", autoComplete: "email", inputMode: "email", autoCapitalize: "none" },
  { name: "phone", type: "tel", autoComplete: "tel", inputMode: "tel" },
  { name: "birthDate", type: "date", autoComplete: "bday", short: true },
  { name: "address", autoComplete: "street-address", autoCapitalize: "words" },
  { name: "postcode", autoComplete: "postal-code", autoCapitalize: "characters", short: true },
  { name: "city", autoComplete: "address-level2", autoCapitalize: "words" },
];

const initialState: ProfileFormState = { status: "idle" };

/**
 * The member's own details. Fields the organisation lets them edit are inputs; the others are shown
 * as plain text and are not sent at all (the action refuses a change to them anyway).
 */
export function ProfileForm({
  inputValues,
  displayValues,
  editable,
  today,
}: {
  /** Values for the inputs, in the form a member types them ("06 12345678"). */
  inputValues: Record<TextProfileField, string>;
  /** Values for read-only fields, formatted to read ("17 april 2006"). */
  displayValues: Record<TextProfileField, string>;
  editable: TextProfileField[];
  today: string;
}) {
  const t = useTranslations("profile");
  const [state, action, pending] = useActionState(saveMyProfile, initialState);
  const editableSet = new Set(editable);
  const errorCount = Object.keys(state.fieldErrors ?? {}).length;

  return (
    <form action={action} noValidate className="space-y-5">
      {state.status === "invalid" && errorCount > 0 ? (
        <Alert tone="error">
          {t("errorSummary", { count: errorCount })}
        </Alert>
      ) : null}
      {state.status === "failed" ? (
        <Alert tone="error">
          {t("failed")}
        </Alert>
      ) : null}
      {fields.map((field) => {
        const id = `profile-${field.name}`;
        const error = state.fieldErrors?.[field.name];
        const hintId = `${id}-hint`;
        const errorId = `${id}-error`;
        if (!editableSet.has(field.name)) {
          // No `name`: a read-only field is shown, never sent.
          return (
            <div key={field.name}>
              <label htmlFor={id} className="block font-medium">
                {t(`fields.${field.name}`)}
              </label>
              <div className="relative mt-1">
                <svg aria-hidden="true" viewBox="0 0 24 24" className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-stone-500" fill="none" stroke="currentColor" strokeWidth={2}>
                  <rect x="5" y="11" width="14" height="10" rx="2" />
                  <path d="M8 11V7a4 4 0 018 0v4" />
                </svg>
                <input
                  id={id}
                  readOnly
                  value={displayValues[field.name] || t("notFilledIn")}
                  aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(" ")}
                  className="block w-full rounded-lg border border-stone-200 bg-stone-100 py-3 pl-9 pr-3 text-base text-stone-800"
                />
              </div>
              <p id={hintId} className="mt-1 text-sm text-stone-600">
                {t("readOnlyHint")}
              </p>
              {error ? (
                <p id={errorId} role="alert" className="mt-1 text-sm font-medium text-red-800">
                  {t(`errors.${error}`)}
                </p>
              ) : null}
            </div>
          );
        }
        const hasHint = field.name === "phone" || field.name === "postcode" || field.name === "birthDate";
        return (
          <Field
            key={field.name}
            id={id}
            label={
              <>
                {t(`fields.${field.name}`)}
                {field.name === "firstName" || field.name === "lastName" ? null : <span className="font-normal text-stone-600"> {t("optional")}</span>}
              </>
            }
            hint={hasHint ? t(`hints.${field.name}`) : undefined}
            hintBelow
            error={error ? t(`errors.${error}`) : undefined}
            width={field.short ? "short" : "full"}
            name={field.name}
            type={field.type ?? "text"}
            defaultValue={state.submitted?.[field.name] ?? inputValues[field.name]}
            autoComplete={field.autoComplete}
            inputMode={field.inputMode}
            autoCapitalize={field.autoCapitalize}
            max={field.type === "date" ? today : undefined}
            min={field.type === "date" ? "1900-01-01" : undefined}
            maxLength={field.type === "date" ? undefined : 254}
          />
        );
      })}
      {state.status === "saved" ? (
        <Alert tone="success">
          {t("saved")}
        </Alert>
      ) : null}
      {editable.length > 0 ? (
        <Button variant="primary" type="submit" aria-busy={pending} pending={pending} pendingLabel={t("saving")}>
          {t("save")}
        </Button>
      ) : null}
    </form>
  );
}
