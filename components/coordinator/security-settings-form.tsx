"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveSecuritySettingsForm, type SecuritySettingsFormState } from "@/lib/accounts/security-settings/actions";
import { LOCKOUT_MAX, LOCKOUT_MIN, type SecuritySettings } from "@/lib/accounts/security-settings/rules";

/** Two-factor for members and for coordinators, and the lockout threshold; saved together. */
export function SecuritySettingsForm({ current }: { current: SecuritySettings }) {
  const t = useTranslations("securitySettings");
  const [state, action, pending] = useActionState(saveSecuritySettingsForm, { status: "idle" } satisfies SecuritySettingsFormState);
  const error = (field: string) =>
    state.fieldErrors?.[field] ? (
      <p id={`${field}-error`} className="mt-1 text-sm font-medium text-red-700">
        {state.fieldErrors[field]}
      </p>
    ) : null;
  return (
    <form action={action} className="mt-6 max-w-2xl space-y-6">
      {(["twoFactorForMembers", "twoFactorForCoordinators"] as const).map((field) => (
        <fieldset key={field} className="rounded-xl border border-stone-200 bg-white p-4">
          <legend className="px-1 font-semibold">{t(field)}</legend>
          {(["off", "email"] as const).map((value) => (
            <label key={value} className="flex min-h-11 items-center gap-3">
              <input type="radio" name={field} value={value} defaultChecked={current[field] === value} className="h-5 w-5 accent-brand-700" />
              {value === "off" ? t("twoFactorOff") : t("twoFactorEmail")}
            </label>
          ))}
          <p className="mt-1 text-sm text-stone-600">{t("twoFactorHint")}</p>
          {error(field)}
        </fieldset>
      ))}
      <div className="rounded-xl border border-stone-200 bg-white p-4">
        <label htmlFor="lockoutThreshold" className="block font-semibold">
          {t("lockoutThreshold")}
        </label>
        <input
          id="lockoutThreshold"
          name="lockoutThreshold"
          type="number"
          min={LOCKOUT_MIN}
          max={LOCKOUT_MAX}
          defaultValue={current.lockoutThreshold}
          required
          aria-invalid={state.fieldErrors?.lockoutThreshold ? true : undefined}
          aria-describedby="lockout-hint"
          className="mt-2 w-28 rounded-lg border border-stone-300 px-3 py-2"
        />
        <p id="lockout-hint" className="mt-1 text-sm text-stone-600">
          {t("lockoutHint")}
        </p>
        {error("lockoutThreshold")}
      </div>
      {state.message ? (
        <p
          role={state.status === "saved" || state.status === "unchanged" ? "status" : "alert"}
          className={`rounded-lg border p-3 ${state.status === "saved" || state.status === "unchanged" ? "border-green-300 bg-green-50 text-green-950" : "border-red-300 bg-red-50 text-red-900"}`}
        >
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="rounded-lg bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700 disabled:opacity-70">
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
