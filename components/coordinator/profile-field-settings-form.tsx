"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { saveProfileFieldChoices, type ProfileFieldSettingsState } from "@/lib/people/actions";
import type { ProfileField } from "@/lib/db/schema/tenancy";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const initialState: ProfileFieldSettingsState = { status: "idle" };

/** Two checkboxes per profile field: may a member edit it, and may colleagues see it. */
export function ProfileFieldSettingsForm({
  fields,
  editable,
  visible,
  alwaysVisible,
}: {
  fields: readonly ProfileField[];
  editable: ProfileField[];
  visible: ProfileField[];
  alwaysVisible: readonly ProfileField[];
}) {
  const t = useTranslations("profileFieldSettings");
  const tf = useTranslations("profile.fields");
  const [state, action, pending] = useActionState(saveProfileFieldChoices, initialState);
  return (
    <form action={action} className="mt-6 max-w-2xl">
      <table className="w-full border-separate border-spacing-0 overflow-hidden rounded-xl border border-stone-200 bg-white text-left">
        <thead className="bg-stone-50 text-sm text-stone-700">
          <tr>
            <th scope="col" className="px-4 py-3 font-semibold">
              {t("field")}
            </th>
            <th scope="col" className="px-4 py-3 text-center font-semibold">
              {t("editable")}
            </th>
            <th scope="col" className="px-4 py-3 text-center font-semibold">
              {t("visible")}
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => {
            const fixed = alwaysVisible.includes(field);
            return (
              <tr key={field} className="border-t border-stone-200">
                <th scope="row" className="border-t border-stone-200 px-4 py-3 font-medium">
                  {tf(field)}
                </th>
                <td className="border-t border-stone-200 px-4 py-3 text-center">
                  <input
                    type="checkbox"
                    name={`editable.${field}`}
                    defaultChecked={editable.includes(field)}
                    aria-label={`${tf(field)}: ${t("editable")}`}
                    className="h-5 w-5 accent-brand-600"
                  />
                </td>
                <td className="border-t border-stone-200 px-4 py-3 text-center">
                  <input
                    type="checkbox"
                    name={`visible.${field}`}
                    defaultChecked={fixed || visible.includes(field)}
                    disabled={fixed}
                    aria-label={`${tf(field)}: ${t("visible")}`}
                    aria-describedby={fixed ? "always-visible" : undefined}
                    className="h-5 w-5 accent-brand-600 disabled:opacity-60"
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p id="always-visible" className="mt-2 text-sm text-stone-600">
        {t("alwaysVisible")}
      </p>
      {state.status === "saved" ? (
        <Alert tone="success" className="mt-4">
          {t("saved")}
        </Alert>
      ) : null}
      {state.status === "failed" ? (
        <Alert tone="error" className="mt-4">
          {t("failed")}
        </Alert>
      ) : null}
      <Button variant="save" type="submit" aria-busy={pending} className="mt-4" pending={pending} pendingLabel={t("saving")}>
        {t("save")}
      </Button>
    </form>
  );
}
