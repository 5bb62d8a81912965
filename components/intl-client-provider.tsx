"use client";
import { createContext, useContext, useMemo } from "react";
import { NextIntlClientProvider } from "next-intl";
import { formats } from "@/lib/i18n/formats";
import { mergeMessages, type Messages } from "@/lib/i18n/merge-messages";

/** Every text the providers around a component hold together. */
const TextsAround = createContext<Messages | null>(null);

/**
 * next-intl's provider for client components with the app's date formats read from their module
 * (lib/i18n/formats.ts) instead of handed over as props: next-intl's server provider puts them into
 * every page's payload, once per layout that sends texts. `messages` are added to those of the
 * providers around it (a nested NextIntlClientProvider alone would replace them), so a nested part of
 * the app sends only the texts the parts around it do not.
 */
export function IntlClientProvider({ locale, timeZone, messages, children }: { locale: string; timeZone: string | undefined; messages: Messages; children: React.ReactNode }) {
  const around = useContext(TextsAround);
  const all = useMemo(() => (around ? mergeMessages(around, messages) : messages), [around, messages]);
  return (
    <TextsAround value={all}>
      <NextIntlClientProvider locale={locale} timeZone={timeZone} formats={formats} messages={all}>
        {children}
      </NextIntlClientProvider>
    </TextsAround>
  );
}
