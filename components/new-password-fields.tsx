"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";

/** A new password typed twice, with the rules beside it and a switch to show what was typed. */
export function NewPasswordFields({ invalid = false }: { invalid?: boolean }) {
  const t = useTranslations("passwordRules");
  const [visible, setVisible] = useState(false);
  const type = visible ? "text" : "password";
  return (
    <>
      <Field
        label={t("newPassword")}
        hint={t("hint")}
        id="password"
        name="password"
        type={type}
        autoComplete="new-password"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        maxLength={1000}
        required
        invalid={invalid}
      />
      <Field
        label={t("repeatPassword")}
        id="passwordRepeat"
        name="passwordRepeat"
        type={type}
        autoComplete="new-password"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        maxLength={1000}
        required
        invalid={invalid}
      />
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" checked={visible} onChange={(event) => setVisible(event.target.checked)} className="h-5 w-5" />
        {t("show")}
      </label>
    </>
  );
}
