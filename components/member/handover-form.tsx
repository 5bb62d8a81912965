"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { askForHandoverForm } from "@/lib/roster/handover-actions";
import type { FormState } from "@/components/ui/form-state";
import { HANDOVER_MESSAGE_MAX } from "@/lib/roster/handover-schemas";
import { PeopleChecklist } from "@/components/people-checklist";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";

type HandoverFormProps = {
  shiftId: string;
  people: { id: string; name: string }[];
  groups: { id: string; name: string; eligible: number }[];
};

/**
 * Choose a group, colleagues one by one, or both, add a message, and send: a POST that asks each of
 * them by email. Only colleagues who may work the shift are offered.
 */
export function HandoverForm({ shiftId, people, groups }: HandoverFormProps) {
  const t = useTranslations("handover");
  const [state, action, pending] = useActionState<FormState, FormData>(askForHandoverForm, {});

  return (
    <form action={action} className="mt-5 space-y-6">
      <input type="hidden" name="shiftId" value={shiftId} />
      {state.message ? (
        <Alert tone="error">
          {state.message}
        </Alert>
      ) : null}

      {groups.length > 0 ? (
        <fieldset>
          <legend className="text-lg font-semibold">{t("chooseGroup")}</legend>
          <p className="text-sm text-stone-600">{t("chooseGroupHint")}</p>
          <div className="mt-2 space-y-1">
            <label className="flex min-h-11 items-center gap-3 rounded-lg px-2">
              <input type="radio" name="groupId" value="" defaultChecked className="h-5 w-5 accent-brand-700" />
              {t("noGroup")}
            </label>
            {groups.map((group) => (
              <label key={group.id} className="flex min-h-11 items-center gap-3 rounded-lg px-2">
                <input type="radio" name="groupId" value={group.id} className="h-5 w-5 accent-brand-700" />
                {t("groupOption", { group: group.name, count: group.eligible })}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}

      <fieldset>
        <legend className="text-lg font-semibold">{t("choosePeople")}</legend>
        <p className="text-sm text-stone-600">{t("choosePeopleHint")}</p>
        <PeopleChecklist
          people={people}
          name="personIds"
          filterFrom={9}
          labels={{ filter: t("filterPeople"), noMatch: t("noMatch"), chosen: (count) => t("chosen", { count }) }}
        />
      </fieldset>

      <TextAreaField name="message" label={t("message")} hint={t("messageHint")} maxLength={HANDOVER_MESSAGE_MAX} />

      <Button variant="primary" type="submit" pending={pending} pendingLabel={t("sending")}>
        {t("send")}
      </Button>
    </form>
  );
}
