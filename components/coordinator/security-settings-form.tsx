"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { saveSecuritySettingsForm, type SecuritySettingsFormState } from "@/lib/accounts/security-settings/actions";
import { LOCKOUT_MAX, LOCKOUT_MIN, turnsTwoFactorOff, type SecuritySettings } from "@/lib/accounts/security-settings/rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

type TwoFactorChoice = SecuritySettings["twoFactorForMembers"];

/**
 * Two-factor for members and for coordinators, and the lockout threshold; saved together. Turning an
 * email code off shows a field for the admin's own password, which the server asks for in any case.
 * `withoutCodeAddress` counts who an email code would refuse (no address, no app), per setting.
 */
export function SecuritySettingsForm({
  current,
  withoutCodeAddress,
}: {
  current: SecuritySettings;
  withoutCodeAddress: { twoFactorForMembers: number; twoFactorForCoordinators: number };
}) {
  const t = useTranslations("securitySettings");
  const [state, action, pending] = useActionState(saveSecuritySettingsForm, { status: "idle" } satisfies SecuritySettingsFormState);
  const [chosen, setChosen] = useState<Record<"twoFactorForMembers" | "twoFactorForCoordinators", TwoFactorChoice>>({
    twoFactorForMembers: current.twoFactorForMembers,
    twoFactorForCoordinators: current.twoFactorForCoordinators,
  });
  const askPassword = turnsTwoFactorOff(current, chosen) || Boolean(state.fieldErrors?.currentPassword);
  const error = (field: string) =>
    state.fieldErrors?.[field] ? (
      <p id={`${field}-error`} className="mt-1 text-sm font-medium text-red-700">
        {state.fieldErrors[field]?.join(" ")}
      </p>
    ) : null;
  return (
    <form action={action} className="mt-6 max-w-2xl space-y-6">
      {(["twoFactorForMembers", "twoFactorForCoordinators"] as const).map((field) => (
        <fieldset key={field} className="rounded-xl border border-stone-200 bg-white p-4">
          <legend className="px-1 font-semibold">{t(field)}</legend>
          {(["off", "email"] as const).map((value) => (
            <label key={value} className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name={field}
                value={value}
                defaultChecked={current[field] === value}
                onChange={() => setChosen((previous) => ({ ...previous, [field]: value }))}
                className="h-5 w-5 accent-brand-700"
              />
              {value === "off" ? t("twoFactorOff") : t("twoFactorEmail")}
            </label>
          ))}
          <p className="mt-1 text-sm text-stone-600">{t("twoFactorHint")}</p>
          {withoutCodeAddress[field] > 0 ? (
            <p className="mt-1 text-sm text-orange-900">
              {t(field === "twoFactorForMembers" ? "withoutEmailMembers" : "withoutEmailCoordinators", { count: withoutCodeAddress[field] })}
            </p>
          ) : null}
          {error(field)}
        </fieldset>
      ))}
      {askPassword ? (
        <div className="rounded-xl border border-orange-300 bg-orange-50 p-4">
          <Field
            id="currentPassword"
            name="currentPassword"
            type="password"
            label={t("currentPassword")}
            hint={t("currentPasswordHint")}
            error={state.fieldErrors?.currentPassword?.join(" ")}
            autoComplete="current-password"
            maxLength={200}
            required
            size="compact"
            inputClassName="sm:max-w-sm"
          />
        </div>
      ) : null}
      <div className="rounded-xl border border-stone-200 bg-white p-4">
        <Field
          id="lockoutThreshold"
          name="lockoutThreshold"
          type="number"
          label={t("lockoutThreshold")}
          hint={t("lockoutHint")}
          hintBelow
          error={state.fieldErrors?.lockoutThreshold?.join(" ")}
          min={LOCKOUT_MIN}
          max={LOCKOUT_MAX}
          defaultValue={current.lockoutThreshold}
          required
          size="compact"
          width="short"
        />
      </div>
      {state.message ? (
        <Alert tone={state.status === "saved" || state.status === "unchanged" ? "success" : "error"}>{state.message}</Alert>
      ) : null}
      <Button variant="save" type="submit" pending={pending} pendingLabel={t("saving")}>
        {t("save")}
      </Button>
    </form>
  );
}
