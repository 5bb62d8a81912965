"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { saveShiftForm, type ShiftEditorState } from "@/lib/roster/actions";
import { ACTIVITY_MAX, NEEDED_MAX, NEEDED_MIN, NOTES_MAX } from "@/lib/roster/schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";

type Option = { id: string; name: string };

export type ShiftEditorValues = {
  activity: string;
  locationId: string;
  date: string;
  startTime: string;
  endTime: string;
  endsNextDay: boolean;
  needed: string;
  groupId: string;
  coordinatorId: string;
  notes: string;
};

type ShiftEditorFormProps = {
  options: { locations: Option[]; groups: Option[]; coordinators: Option[] };
  initial: ShiftEditorValues;
  /** Editing an existing shift; absent when creating one. */
  edit?: { shiftId: string; seriesFollowing: number | null };
};

const legend = "block font-medium";
const radio = "h-5 w-5 accent-brand-700";

/** A select's choices: an empty first choice (none, or any) and then the options by name. */
function choices(empty: string, options: Option[]) {
  return [{ value: "", label: empty }, ...options.map((option) => ({ value: option.id, label: option.name }))];
}

/**
 * Creates a shift (once or every week) or edits one (this one only, or this and the following ones
 * of its series). Messages appear next to the field they are about; what was typed stays.
 */
export function ShiftEditorForm({ options, initial, edit }: ShiftEditorFormProps) {
  const t = useTranslations("shiftEditor");
  const [state, action, pending] = useActionState(saveShiftForm, {} satisfies ShiftEditorState);
  const values = { ...initial, ...stringsOf(state.values), endsNextDay: state.values ? state.values.endsNextDay === "on" : initial.endsNextDay };
  const [repeat, setRepeat] = useState(state.values?.repeat === "weekly" ? "weekly" : "once");
  /** The field's messages as one error text (undefined when it has none), shown under its box. */
  const errorOf = (field: string) => state.fieldErrors?.[field]?.join(" ") || undefined;

  return (
    <form action={action} key={state.attempt ?? 0} className="max-w-2xl space-y-5">
      {edit ? <input type="hidden" name="shiftId" value={edit.shiftId} /> : null}
      {state.formError ? (
        <Alert tone="error">
          {state.formError}
        </Alert>
      ) : null}

      <Field id="shift-activity" name="activity" label={t("activity")} error={errorOf("activity")} defaultValue={values.activity} maxLength={ACTIVITY_MAX} placeholder={t("activityHint")} required size="compact" />

      <SelectField id="shift-locationId" name="locationId" label={t("location")} error={errorOf("locationId")} defaultValue={values.locationId} options={choices(t("noLocation"), options.locations)} />

      {edit ? (
        <Field id="shift-date" type="date" name="date" label={t("date")} error={errorOf("date")} defaultValue={values.date} required size="compact" />
      ) : (
        <fieldset>
          <legend className={legend}>{t("repeat")}</legend>
          <div className="mt-1 flex gap-4">
            {(["once", "weekly"] as const).map((option) => (
              <label key={option} className="flex min-h-11 items-center gap-2">
                <input type="radio" name="repeat" value={option} checked={repeat === option} onChange={() => setRepeat(option)} className={radio} />
                {t(option)}
              </label>
            ))}
          </div>
          {repeat === "once" ? (
            <div className="mt-3">
              <Field id="shift-date" type="date" name="date" label={t("date")} error={errorOf("date")} defaultValue={values.date} required size="compact" />
            </div>
          ) : (
            <div className="mt-3 grid gap-4 sm:grid-cols-3">
              <SelectField
                id="shift-weekday"
                name="weekday"
                label={t("weekday")}
                error={errorOf("weekday")}
                defaultValue={state.values?.weekday ?? ""}
                required
                options={[{ value: "", label: "—", disabled: true }, ...[1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: String(day), label: t(`weekdays.${day}`) }))]}
              />
              <Field id="shift-startsOn" type="date" name="startsOn" label={t("startsOn")} error={errorOf("startsOn")} defaultValue={state.values?.startsOn ?? values.date} required size="compact" />
              <Field id="shift-endsOn" type="date" name="endsOn" label={t("endsOn")} error={errorOf("endsOn")} defaultValue={state.values?.endsOn ?? ""} required size="compact" />
            </div>
          )}
        </fieldset>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="shift-startTime" type="time" name="startTime" label={t("startTime")} error={errorOf("startTime")} defaultValue={values.startTime} required size="compact" />
        <Field id="shift-endTime" type="time" name="endTime" label={t("endTime")} error={errorOf("endTime")} defaultValue={values.endTime} required size="compact" />
      </div>
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="endsNextDay" defaultChecked={values.endsNextDay} className={radio} />
        {t("endsNextDay")}
      </label>

      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="shift-needed" type="number" name="needed" label={t("needed")} error={errorOf("needed")} min={NEEDED_MIN} max={NEEDED_MAX} defaultValue={values.needed} required size="compact" />
        <SelectField id="shift-groupId" name="groupId" label={t("group")} error={errorOf("groupId")} defaultValue={values.groupId} options={choices(t("anyGroup"), options.groups)} />
        <SelectField id="shift-coordinatorId" name="coordinatorId" label={t("coordinator")} error={errorOf("coordinatorId")} defaultValue={values.coordinatorId} options={choices(t("noCoordinator"), options.coordinators)} />
      </div>

      <TextAreaField id="shift-notes" name="notes" label={t("notes")} error={errorOf("notes")} defaultValue={values.notes} maxLength={NOTES_MAX} />

      {edit?.seriesFollowing && edit.seriesFollowing > 1 ? (
        <fieldset>
          <legend className={legend}>{t("scope")}</legend>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="scope" value="one" defaultChecked={(state.values?.scope ?? "one") === "one"} className={radio} />
            {t("scopeOne")}
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="scope" value="following" defaultChecked={state.values?.scope === "following"} className={radio} />
            {t("scopeFollowing", { count: edit.seriesFollowing })}
          </label>
          {errorOf("scope") ? (
            <Alert tone="error" className="mt-1">
              {errorOf("scope")}
            </Alert>
          ) : null}
        </fieldset>
      ) : null}

      {edit ? <p className="text-sm text-stone-600">{t("changeNotice")}</p> : null}

      <Button variant="save" type="submit" pending={pending} pendingLabel={t("saving")}>
        {edit ? t("save") : t("create")}
      </Button>
    </form>
  );
}

/** What the form posted, to show again: only the text fields the editor knows. */
function stringsOf(values: Record<string, string> | undefined): Partial<ShiftEditorValues> {
  if (!values) return {};
  const keys = ["activity", "locationId", "date", "startTime", "endTime", "needed", "groupId", "coordinatorId", "notes"] as const;
  const picked: Partial<Record<(typeof keys)[number], string>> = {};
  for (const key of keys) if (typeof values[key] === "string") picked[key] = values[key];
  return picked;
}
