"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ConfirmSubmitButton } from "@/components/confirm-submit-button";
import { PeopleChecklist } from "@/components/people-checklist";
import { assignPeopleForm, cancelShiftForm as cancelShiftFormAction, removePeopleForm, type RosterFormState } from "@/lib/roster/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type OnShift = { id: string; name: string; source: "self" | "coordinator" | "handover" };
type Eligible = { id: string; name: string; groupNames: string[] };

function Answer({ state }: { state: RosterFormState }) {
  const t = useTranslations("roster.assign");
  if (!state.message) return null;
  const tone = state.tone ?? "error";
  return (
    <Alert as="div" tone={tone === "partial" ? "warning" : tone}>
      <p className="font-medium">{state.message}</p>
      {state.details?.length ? (
        <ul className="mt-1 list-disc pl-5">
          {state.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      ) : null}
      {state.assigned?.length ? (
        <>
          <p className="mt-2 font-medium">{t("assignedTitle")}</p>
          <ul className="list-disc pl-5">
            {state.assigned.map((name, index) => (
              <li key={`${index}-${name}`}>{name}</li>
            ))}
          </ul>
        </>
      ) : null}
      {state.notAssigned?.length ? (
        <>
          <p className="mt-2 font-medium">{t("notAssignedTitle")}</p>
          <ul className="list-disc pl-5">
            {state.notAssigned.map((reason, index) => (
              <li key={`${index}-${reason}`}>{reason}</li>
            ))}
          </ul>
        </>
      ) : null}
    </Alert>
  );
}

/** Who is on the shift, with a way to take several off at once (after confirming). */
export function ShiftPeopleOnShift({ shiftId, people, editable }: { shiftId: string; people: OnShift[]; editable: boolean }) {
  const t = useTranslations("roster");
  const [state, action, pending] = useActionState(removePeopleForm, {} satisfies RosterFormState);
  if (people.length === 0) {
    return (
      <>
        <Answer state={state} />
        <p className="rounded-lg border border-dashed border-stone-300 p-3 text-stone-700">{t("nobodyOn")}</p>
      </>
    );
  }
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="shiftId" value={shiftId} />
      <Answer state={state} />
      <ul className="divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white">
        {people.map((person) => (
          <li key={person.id}>
            <label className="flex min-h-11 items-center gap-3 px-3">
              {editable ? <input type="checkbox" name="personIds" value={person.id} className="h-5 w-5 accent-brand-700" /> : null}
              <span className="flex-1">{person.name}</span>
              <span className="text-sm text-stone-600">{t(`source.${person.source}`)}</span>
            </label>
          </li>
        ))}
      </ul>
      {editable ? (
        <ConfirmSubmitButton
          confirmText={t("removeConfirm")}
          confirmLabel={t("removeSelected")}
          className="rounded-lg border border-stone-300 bg-white px-4 py-2 font-medium text-stone-800 hover:bg-stone-50"
        >
          {pending ? t("removing") : t("removeSelected")}
        </ConfirmSubmitButton>
      ) : null}
    </form>
  );
}

/**
 * A searchable checklist of everyone who may work the shift, to put several on it at once. It stays on
 * the page once the shift is full, so the answer (who was put on, who not and why) stays in view.
 */
export function ShiftAssignPeople({ shiftId, eligible, full, hint }: { shiftId: string; eligible: Eligible[]; full: boolean; hint: string }) {
  const t = useTranslations("roster");
  const [state, action, pending] = useActionState(assignPeopleForm, {} satisfies RosterFormState);
  if (full) {
    return (
      <div className="mt-3 space-y-3">
        <Answer state={state} />
        <p className="text-stone-700">{t("full")}</p>
      </div>
    );
  }
  return (
    <>
      <p className="mt-1 text-sm text-stone-600">{hint}</p>
      <div className="mt-3">
        <AssignForm shiftId={shiftId} eligible={eligible} state={state} action={action} pending={pending} />
      </div>
    </>
  );
}

function AssignForm({
  shiftId,
  eligible,
  state,
  action,
  pending,
}: {
  shiftId: string;
  eligible: Eligible[];
  state: RosterFormState;
  action: (formData: FormData) => void;
  pending: boolean;
}) {
  const t = useTranslations("roster");
  if (eligible.length === 0) {
    return (
      <>
        <Answer state={state} />
        <p className="rounded-lg border border-dashed border-stone-300 p-3 text-stone-700">{t("noneEligible")}</p>
      </>
    );
  }
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="shiftId" value={shiftId} />
      <Answer state={state} />
      <PeopleChecklist
        people={eligible.map((person) => ({ id: person.id, name: person.name, detail: person.groupNames.join(", ") || undefined }))}
        name="personIds"
        labels={{ filter: t("assignFilter"), noMatch: t("noMatch"), chosen: (count) => t("chosen", { count }) }}
      />
      <Button variant="confirm" type="submit" pending={pending} pendingLabel={t("assigning")}>
        {t("assignSelected")}
      </Button>
    </form>
  );
}

/** Cancels the shift (or it and the following ones of its series) after confirming; members are mailed. */
export function ShiftCancelForm({ shiftId, inSeries }: { shiftId: string; inSeries: boolean }) {
  const t = useTranslations("roster");
  const [state, action, pending] = useActionState(cancelShiftFormAction, {} satisfies RosterFormState);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="shiftId" value={shiftId} />
      <Answer state={state} />
      <p className="text-stone-700">{t("cancelHint")}</p>
      {inSeries ? (
        <div>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="scope" value="one" defaultChecked className="h-5 w-5 accent-brand-700" />
            {t("cancelOne")}
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="scope" value="following" className="h-5 w-5 accent-brand-700" />
            {t("cancelFollowing")}
          </label>
        </div>
      ) : (
        <input type="hidden" name="scope" value="one" />
      )}
      <ConfirmSubmitButton
        confirmText={t("cancelConfirm")}
        confirmLabel={t("cancelButton")}
        className="rounded-lg border border-red-300 bg-white px-4 py-2 font-semibold text-red-800 hover:bg-red-50"
      >
        {pending ? t("cancelling") : t("cancelButton")}
      </ConfirmSubmitButton>
    </form>
  );
}
