"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useTransition } from "react";
import { Button } from "@/components/ui/button";

const DEBOUNCE_MS = 250;

/**
 * The search box of /my/people. Without JavaScript it is a plain GET form; with it, results follow
 * the typing: the page is re-rendered on the server for the new `q` (so the query layer, not the
 * browser, decides which fields anyone sees).
 */
export function PeopleSearchBox({ defaultValue }: { defaultValue: string }) {
  const t = useTranslations("people.search");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  function show(query: string) {
    clearTimeout(timer.current);
    const trimmed = query.trim();
    const url = trimmed ? `/my/people?q=${encodeURIComponent(trimmed)}` : "/my/people";
    startTransition(() => router.replace(url, { scroll: false }));
  }

  return (
    <form
      role="search"
      method="get"
      action="/my/people"
      className="mt-4"
      onSubmit={(event) => {
        event.preventDefault();
        show(String(new FormData(event.currentTarget).get("q") ?? ""));
      }}
    >
      <label htmlFor="people-q" className="block font-medium">
        {t("label")}
      </label>
      <div className="relative mt-1 flex gap-2">
        <input
          id="people-q"
          name="q"
          type="search"
          defaultValue={defaultValue}
          placeholder={t("placeholder")}
          autoComplete="off"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="search"
          maxLength={100}
          aria-describedby="people-q-hint"
          className="min-w-0 flex-1 rounded-lg border border-stone-300 bg-white px-3 py-3 text-base"
          onChange={(event) => {
            const value = event.currentTarget.value;
            clearTimeout(timer.current);
            timer.current = setTimeout(() => show(value), DEBOUNCE_MS);
          }}
        />
        <Button variant="save" type="submit">
          {t("submit")}
        </Button>
      </div>
      <p id="people-q-hint" className="mt-1 flex min-h-6 items-center gap-2 text-sm text-stone-600">
        {pending ? (
          <>
            <span aria-hidden="true" className="inline-block h-4 w-4 animate-spin rounded-full border-2 border-stone-300 border-t-brand-600" />
            <span>{t("searching")}</span>
          </>
        ) : (
          t("hint")
        )}
      </p>
    </form>
  );
}
