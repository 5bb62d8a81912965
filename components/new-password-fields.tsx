"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";

const inputClass = "mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-3 text-base";

/** A new password typed twice, with the rules beside it and a switch to show what was typed. */
export function NewPasswordFields({ invalid = false }: { invalid?: boolean }) {
  const t = useTranslations("passwordRules");
  const [visible, setVisible] = useState(false);
  const type = visible ? "text" : "password";
  return (
    <>
      <div>
        <label htmlFor="password" className="block font-medium">
          {t("newPassword")}
        </label>
        <p id="password-hint" className="mt-1 text-sm text-stone-600">
          {t("hint")}
        </p>
        <input
          id="password"
          name="password"
          type={type}
          autoComplete="new-password"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={1000}
          required
          aria-invalid={invalid || undefined}
          aria-describedby="password-hint"
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="passwordRepeat" className="block font-medium">
          {t("repeatPassword")}
        </label>
        <input
          id="passwordRepeat"
          name="passwordRepeat"
          type={type}
          autoComplete="new-password"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={1000}
          required
          aria-invalid={invalid || undefined}
          className={inputClass}
        />
      </div>
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" checked={visible} onChange={(event) => setVisible(event.target.checked)} className="h-5 w-5" />
        {t("show")}
      </label>
    </>
  );
}
