"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveOrganisationSettingsForm, type OrganisationSettingsFormState } from "@/lib/tenancy/organisation-settings-actions";
import {
  NAME_MAX,
  organisationLocales,
  REMINDER_HOURS_MAX,
  REMINDER_HOURS_MIN,
  type OrganisationGeneralSettings,
} from "@/lib/tenancy/organisation-settings-schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";

const weekdays = ["1", "2", "3", "4", "5", "6", "7"] as const;

/** Name, email address, time zone, default language, the hours deadline and its reminder; saved together. */
export function OrganisationSettingsForm({ current, timeZones }: { current: OrganisationGeneralSettings; timeZones: string[] }) {
  const t = useTranslations("organisationSettings");
  const [state, action, pending] = useActionState(saveOrganisationSettingsForm, { status: "idle" } satisfies OrganisationSettingsFormState);
  const error = (field: string) => state.fieldErrors?.[field]?.join(" ");
  return (
    <form action={action} className="mt-6 max-w-2xl space-y-6">
      <div className="space-y-4 rounded-xl border border-stone-200 bg-white p-4">
        <Field name="name" label={t("name")} defaultValue={current.name} maxLength={NAME_MAX} required size="compact" error={error("name")} />
        <Field
          name="email"
          type="email"
          label={t("email")}
          hint={t("emailHint")}
          defaultValue={current.email ?? ""}
          maxLength={254}
          autoComplete="off"
          size="compact"
          error={error("email")}
        />
        <SelectField
          name="timeZone"
          label={t("timeZone")}
          hint={t("timeZoneHint")}
          defaultValue={current.timeZone}
          options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
          error={error("timeZone")}
        />
        <SelectField
          name="locale"
          label={t("locale")}
          hint={t("localeHint")}
          defaultValue={current.locale}
          width="short"
          options={organisationLocales.map((locale) => ({ value: locale, label: t(`locales.${locale}`) }))}
          error={error("locale")}
        />
      </div>
      <fieldset className="rounded-xl border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("hoursDeadline")}</legend>
        <p className="text-sm text-stone-600">{t("hoursDeadlineHint")}</p>
        <div className="mt-3 flex flex-wrap gap-4">
          <SelectField
            name="hoursDeadlineWeekday"
            label={t("weekday")}
            defaultValue={String(current.hoursDeadline.weekday)}
            width="short"
            options={weekdays.map((day) => ({ value: day, label: t(`weekdays.${day}`) }))}
            error={error("hoursDeadlineWeekday")}
          />
          <Field
            name="hoursDeadlineTime"
            type="time"
            label={t("time")}
            defaultValue={current.hoursDeadline.time}
            required
            size="compact"
            width="short"
            error={error("hoursDeadlineTime")}
          />
        </div>
        <Field
          name="hoursReminderHoursBefore"
          type="number"
          label={t("hoursReminder")}
          hint={t("hoursReminderHint")}
          hintBelow
          defaultValue={current.hoursReminderHoursBefore}
          min={REMINDER_HOURS_MIN}
          max={REMINDER_HOURS_MAX}
          step={1}
          inputMode="numeric"
          required
          size="compact"
          width="short"
          className="mt-4"
          error={error("hoursReminderHoursBefore")}
        />
      </fieldset>
      {state.message ? (
        <Alert tone={state.status === "saved" || state.status === "unchanged" ? "success" : "error"}>{state.message}</Alert>
      ) : null}
      <Button variant="save" type="submit" pending={pending} pendingLabel={t("saving")}>
        {t("save")}
      </Button>
    </form>
  );
}
