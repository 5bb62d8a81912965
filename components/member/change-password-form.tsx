"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changeMyPassword, type AccountFormState } from "@/lib/accounts/own-account/actions";
import { NewPasswordFields } from "@/components/new-password-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

const initialState: AccountFormState = {};

/**
 * Changing one's own password: the current one first, unless there is none or it was temporary.
 * `save` is the member's action unless given (a provider admin's page passes its own).
 */
export function ChangePasswordForm({
  username,
  needsCurrentPassword,
  save = changeMyPassword,
}: {
  username: string;
  needsCurrentPassword: boolean;
  save?: typeof changeMyPassword;
}) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(save, initialState);
  return (
    <form action={action} className="mt-6 space-y-5" noValidate>
      {state.error ? (
        <Alert tone="error">
          {state.error}
        </Alert>
      ) : null}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      {needsCurrentPassword ? (
        <Field
          label={t("currentPassword")}
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          maxLength={1000}
          required
        />
      ) : null}
      <NewPasswordFields invalid={Boolean(state.error)} />
      <Button variant="primary" type="submit" pending={pending} pendingLabel={t("savingPassword")}>
        {t("savePassword")}
      </Button>
    </form>
  );
}
