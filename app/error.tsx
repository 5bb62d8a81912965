"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

// Anything unexpected lands here: a friendly message, never a stack trace.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main className="mx-auto max-w-md p-6" role="alert">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-stone-700">{t("body")}</p>
      <Button variant="save" onClick={reset} className="mt-6">
        {t("retry")}
      </Button>
    </main>
  );
}
