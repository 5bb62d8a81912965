"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { chooseMyLanguage, type AccountFormState } from "@/lib/accounts/own-account/actions";
import type { Locale } from "@/lib/i18n/locales";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Dutch or English for the member's pages and emails; the answer comes in the language chosen. */
export function ChooseLanguageForm({ locale }: { locale: Locale }) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(chooseMyLanguage, { value: locale } satisfies AccountFormState);
  const current = state.value === "en" ? "en" : "nl";
  const options = [
    { value: "nl", label: t("languageDutch"), lang: "nl" },
    { value: "en", label: t("languageEnglish"), lang: "en" },
  ] as const;
  return (
    <form action={action} className="mt-4 space-y-4">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.saved ? <Alert tone="success">{state.saved}</Alert> : null}
      <fieldset key={current}>
        <legend className="font-medium">{t("languageLabel")}</legend>
        <div className="mt-2 space-y-2">
          {options.map((option) => (
            <label key={option.value} lang={option.lang} className="flex items-center gap-3 rounded-lg border border-stone-300 px-3 py-3 text-base">
              <input type="radio" name="locale" value={option.value} defaultChecked={current === option.value} className="h-5 w-5 accent-brand-600" />
              {option.label}
            </label>
          ))}
        </div>
      </fieldset>
      <Button variant="outlineBrand" type="submit" pending={pending} pendingLabel={t("savingLanguage")}>
        {t("saveLanguage")}
      </Button>
    </form>
  );
}
