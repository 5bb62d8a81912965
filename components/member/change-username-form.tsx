"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changeMyUsername, type AccountFormState } from "@/lib/accounts/own-account/actions";
import { Alert } from "@/components/ui/alert";

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
      <div>
        <label htmlFor="username" className="block font-medium">
          {t("username")}
        </label>
        <p id="username-hint" className="mt-1 text-sm text-stone-600">
          {t("usernameHint")}
        </p>
        <input
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
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? "username-error username-hint" : "username-hint"}
          className="mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-3 text-base"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg border border-brand-600 bg-white px-4 py-3 text-lg font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-70"
      >
        {pending ? t("savingUsername") : t("saveUsername")}
      </button>
    </form>
  );
}
