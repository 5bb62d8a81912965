"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changeMyUsername, type AccountFormState } from "@/lib/accounts/own-account/actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

/** Changing one's own username; the new name is shown back on success. */
export function ChangeUsernameForm({ username }: { username: string }) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(changeMyUsername, { value: username } satisfies AccountFormState);
  return (
    <form action={action} className="mt-4 space-y-4" noValidate>
      {state.error ? (
        <Alert tone="error" id="username-error">
          {state.error}
        </Alert>
      ) : null}
      {state.saved ? (
        <Alert tone="success">
          {state.saved}
        </Alert>
      ) : null}
      <Field
        label={t("username")}
        hint={t("usernameHint")}
        id="username"
        name="username"
        key={state.value}
        defaultValue={state.value}
        autoComplete="username"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        maxLength={1000}
        required
        invalid={Boolean(state.error)}
        aria-describedby={state.error ? "username-error username-hint" : "username-hint"}
      />
      <Button variant="outlineBrand" type="submit" pending={pending} pendingLabel={t("savingUsername")}>
        {t("saveUsername")}
      </Button>
    </form>
  );
}
