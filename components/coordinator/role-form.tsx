"use client";
import { useActionState, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { changeRoleForm, type RoleFormState } from "@/lib/accounts/roles/actions";
import { roles } from "@/lib/accounts/roles/rules";
import type { Role } from "@/lib/db/schema/people";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/select-field";
import { MemberSection } from "./member-section";

/**
 * The member page's role section (a MemberSection), for admins only (the page leaves it out for coordinators; the
 * server refuses them anyway). Choosing a role asks for confirmation before anything changes.
 */
export function RoleForm({ personId, personName, currentRole }: { personId: string; personName: string; currentRole: Role }) {
  const t = useTranslations("roles");
  const [state, action, pending] = useActionState(changeRoleForm, {} satisfies RoleFormState);
  const [chosen, setChosen] = useState<Role>(currentRole);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <MemberSection id="member-role" title={t("title")}>
      <p className="text-sm text-stone-600">{t("intro")}</p>
      <form action={action} className="mt-3 space-y-3" onSubmit={() => dialog.current?.close()}>
        <input type="hidden" name="personId" value={personId} />
        <SelectField
          name="role"
          label={t("label")}
          width="short"
          value={chosen}
          onChange={(event) => setChosen(roles.find((role) => role === event.target.value) ?? currentRole)}
          options={roles.map((role) => ({ value: role, label: t(`names.${role}`) }))}
        />
        <Button variant="secondary" disabled={pending || chosen === currentRole} onClick={() => dialog.current?.showModal()}>
          {t("change")}
        </Button>
        <Dialog labelledBy={titleId} ref={dialog} width="medium">
          <div className="p-5 sm:p-6">
            <h3 id={titleId} className="text-xl font-semibold">
              {t("confirmTitle")}
            </h3>
            <p className="mt-3">{t("confirmBody", { name: personName, role: t(`names.${chosen}`) })}</p>
            <div className="mt-5 flex flex-wrap justify-end gap-3">
              <Button variant="secondary" onClick={() => dialog.current?.close()}>
                {t("cancel")}
              </Button>
              <Button variant="confirm" type="submit" pending={pending} pendingLabel={t("saving")}>
                {t("confirm")}
              </Button>
            </div>
          </div>
        </Dialog>
        {state.message ? (
          <Alert tone={state.saved ? "success" : "error"} role={state.saved ? "status" : "alert"}>
            {state.message}
          </Alert>
        ) : null}
      </form>
    </MemberSection>
  );
}
