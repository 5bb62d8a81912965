"use client";
import { useTranslations } from "next-intl";

// Anything unexpected lands here: a friendly message, never a stack trace.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main className="mx-auto max-w-md p-6" role="alert">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-stone-700">{t("body")}</p>
      <button type="button" onClick={reset} className="mt-6 rounded-lg bg-brand-600 px-4 py-3 font-medium text-white">
        {t("retry")}
      </button>
    </main>
  );
}
