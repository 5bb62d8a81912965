"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { saveShiftForm, type ShiftEditorState } from "@/lib/roster/actions";
import { ACTIVITY_MAX, NEEDED_MAX, NEEDED_MIN, NOTES_MAX } from "@/lib/roster/schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

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

const input = "mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600";
const labelText = "block font-medium";

function Field({ name, label, errors, children }: { name: string; label: string; errors: string[]; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={`shift-${name}`} className={labelText}>
        {label}
      </label>
      {children}
      {errors.map((message) => (
        <p key={message} id={`shift-${name}-error`} className="mt-1 text-sm font-medium text-red-700">
          {message}
        </p>
      ))}
    </div>
  );
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
  const errorsOf = (field: string) => state.fieldErrors?.[field] ?? [];

  const invalid = (name: string) => ({
    "aria-invalid": errorsOf(name).length > 0 || undefined,
    "aria-describedby": errorsOf(name).length > 0 ? `shift-${name}-error` : undefined,
  });

  return (
    <form action={action} key={state.attempt ?? 0} className="max-w-2xl space-y-5">
      {edit ? <input type="hidden" name="shiftId" value={edit.shiftId} /> : null}
      {state.formError ? (
        <Alert tone="error">
          {state.formError}
        </Alert>
      ) : null}

      <Field name="activity" label={t("activity")} errors={errorsOf("activity")}>
        <input id="shift-activity" name="activity" defaultValue={values.activity} maxLength={ACTIVITY_MAX} placeholder={t("activityHint")} required className={input} {...invalid("activity")} />
      </Field>

      <Field name="locationId" label={t("location")} errors={errorsOf("locationId")}>
        <select id="shift-locationId" name="locationId" defaultValue={values.locationId} className={input} {...invalid("locationId")}>
          <option value="">{t("noLocation")}</option>
          {options.locations.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      </Field>

      {edit ? (
        <Field name="date" label={t("date")} errors={errorsOf("date")}>
          <input id="shift-date" type="date" name="date" defaultValue={values.date} required className={input} {...invalid("date")} />
        </Field>
      ) : (
        <fieldset>
          <legend className={labelText}>{t("repeat")}</legend>
          <div className="mt-1 flex gap-4">
            {(["once", "weekly"] as const).map((option) => (
              <label key={option} className="flex min-h-11 items-center gap-2">
                <input type="radio" name="repeat" value={option} checked={repeat === option} onChange={() => setRepeat(option)} className="h-5 w-5 accent-brand-700" />
                {t(option)}
              </label>
            ))}
          </div>
          {repeat === "once" ? (
            <div className="mt-3">
              <Field name="date" label={t("date")} errors={errorsOf("date")}>
                <input id="shift-date" type="date" name="date" defaultValue={values.date} required className={input} {...invalid("date")} />
              </Field>
            </div>
          ) : (
            <div className="mt-3 grid gap-4 sm:grid-cols-3">
              <Field name="weekday" label={t("weekday")} errors={errorsOf("weekday")}>
                <select id="shift-weekday" name="weekday" defaultValue={state.values?.weekday ?? ""} required className={input} {...invalid("weekday")}>
                  <option value="" disabled>
                    —
                  </option>
                  {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                    <option key={day} value={day}>
                      {t(`weekdays.${day}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field name="startsOn" label={t("startsOn")} errors={errorsOf("startsOn")}>
                <input id="shift-startsOn" type="date" name="startsOn" defaultValue={state.values?.startsOn ?? values.date} required className={input} {...invalid("startsOn")} />
              </Field>
              <Field name="endsOn" label={t("endsOn")} errors={errorsOf("endsOn")}>
                <input id="shift-endsOn" type="date" name="endsOn" defaultValue={state.values?.endsOn ?? ""} required className={input} {...invalid("endsOn")} />
              </Field>
            </div>
          )}
        </fieldset>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="startTime" label={t("startTime")} errors={errorsOf("startTime")}>
          <input id="shift-startTime" type="time" name="startTime" defaultValue={values.startTime} required className={input} {...invalid("startTime")} />
        </Field>
        <Field name="endTime" label={t("endTime")} errors={errorsOf("endTime")}>
          <input id="shift-endTime" type="time" name="endTime" defaultValue={values.endTime} required className={input} {...invalid("endTime")} />
        </Field>
      </div>
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" name="endsNextDay" defaultChecked={values.endsNextDay} className="h-5 w-5 accent-brand-700" />
        {t("endsNextDay")}
      </label>

      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="needed" label={t("needed")} errors={errorsOf("needed")}>
          <input id="shift-needed" type="number" name="needed" min={NEEDED_MIN} max={NEEDED_MAX} defaultValue={values.needed} required className={input} {...invalid("needed")} />
        </Field>
        <Field name="groupId" label={t("group")} errors={errorsOf("groupId")}>
          <select id="shift-groupId" name="groupId" defaultValue={values.groupId} className={input} {...invalid("groupId")}>
            <option value="">{t("anyGroup")}</option>
            {options.groups.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="coordinatorId" label={t("coordinator")} errors={errorsOf("coordinatorId")}>
          <select id="shift-coordinatorId" name="coordinatorId" defaultValue={values.coordinatorId} className={input} {...invalid("coordinatorId")}>
            <option value="">{t("noCoordinator")}</option>
            {options.coordinators.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <Field name="notes" label={t("notes")} errors={errorsOf("notes")}>
        <textarea id="shift-notes" name="notes" rows={3} defaultValue={values.notes} maxLength={NOTES_MAX} className={input} {...invalid("notes")} />
      </Field>

      {edit?.seriesFollowing && edit.seriesFollowing > 1 ? (
        <fieldset>
          <legend className={labelText}>{t("scope")}</legend>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="scope" value="one" defaultChecked={(state.values?.scope ?? "one") === "one"} className="h-5 w-5 accent-brand-700" />
            {t("scopeOne")}
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="scope" value="following" defaultChecked={state.values?.scope === "following"} className="h-5 w-5 accent-brand-700" />
            {t("scopeFollowing", { count: edit.seriesFollowing })}
          </label>
          {errorsOf("scope").map((message) => (
            <p key={message} className="mt-1 text-sm font-medium text-red-700">
              {message}
            </p>
          ))}
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
