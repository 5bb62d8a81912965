"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { LoginProposal } from "@/lib/accounts/logins/creation";
import type { LoginUsernameProblem } from "@/lib/accounts/logins/rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";

export type LoginCreateDialogProps = {
  proposals: LoginProposal[];
  /** Who is left out and why, in a sentence; null when nobody is. */
  skippedText: string | null;
  groupName: string | null;
  /** Per person: the problem the server found with the username as it was sent. */
  problems: ReadonlyMap<string, LoginUsernameProblem>;
  error: string | null;
  pending: boolean;
  onConfirm: (logins: { personId: string; username: string }[]) => void;
  onCancel: () => void;
};

/**
 * Step two of "create logins": the proposed usernames, each editable, and a button naming how many
 * logins it creates. Nothing is written until that button is pressed.
 */
export function LoginCreateDialog({ proposals, skippedText, groupName, problems, error, pending, onConfirm, onCancel }: LoginCreateDialogProps) {
  const t = useTranslations("logins");
  const titleId = useId();
  const [usernames, setUsernames] = useState<Record<string, string>>(() => Object.fromEntries(proposals.map((row) => [row.personId, row.username])));

  return (
    <Dialog labelledBy={titleId} width="large" openOnMount onCancel={() => (pending ? undefined : onCancel())}>
      <form
        className="p-5 sm:p-6"
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm(proposals.map((row) => ({ personId: row.personId, username: usernames[row.personId] ?? row.username })));
        }}
      >
        <h2 id={titleId} className="text-xl font-semibold">
          {t("preview.title")}
        </h2>
        {proposals.length > 0 ? <p className="mt-3">{t("preview.intro")}</p> : <p className="mt-3">{t("preview.nobody")}</p>}
        {groupName ? <p className="mt-2 text-stone-700">{t("preview.group", { group: groupName })}</p> : null}
        {skippedText ? <p className="mt-2 text-stone-700">{skippedText}</p> : null}
        {problems.size > 0 ? (
          <Alert tone="error" className="mt-4">
            {t("preview.fix")}
          </Alert>
        ) : null}
        {error ? (
          <Alert tone="error" className="mt-4">
            {error}
          </Alert>
        ) : null}
        {proposals.length > 0 ? (
          <ul aria-label={t("preview.caption")} className="mt-4 max-h-[50vh] divide-y divide-stone-200 overflow-y-auto rounded-lg border border-stone-200">
            {proposals.map((row) => {
              const problem = problems.get(row.personId);
              return (
                <li key={row.personId} className="p-3">
                  <Field
                    label={t("preview.usernameFor", { name: row.name })}
                    hint={row.email}
                    size="compact"
                    autoComplete="off"
                    spellCheck={false}
                    value={usernames[row.personId] ?? ""}
                    onChange={(event) => setUsernames((current) => ({ ...current, [row.personId]: event.target.value }))}
                    error={problem ? t(`problems.${problem}`) : undefined}
                    disabled={pending}
                  />
                </li>
              );
            })}
          </ul>
        ) : null}
        <div className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            {proposals.length > 0 ? t("preview.cancel") : t("preview.close")}
          </Button>
          {proposals.length > 0 ? (
            <Button type="submit" variant="confirm" pending={pending} pendingLabel={t("preview.pending")} aria-busy={pending}>
              {t("preview.confirm", { count: proposals.length })}
            </Button>
          ) : null}
        </div>
      </form>
    </Dialog>
  );
}
