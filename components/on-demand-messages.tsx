"use client";
import { useCallback, useEffect, useState } from "react";
import { useLocale, useMessages, useTimeZone, useTranslations } from "next-intl";
import type { Messages } from "@/lib/i18n/merge-messages";
import { onDemandMessageParts, type OnDemandPart } from "@/lib/i18n/on-demand-parts";
import { IntlClientProvider } from "./intl-client-provider";

// What this browser tab has fetched, per language and part, and what it is fetching: a part is asked
// for once, however many boundaries show it. A failed fetch is forgotten, so the next try asks again.
const fetched = new Map<string, Messages>();
const fetching = new Map<string, Promise<Messages>>();

function fetchPart(locale: string, part: OnDemandPart): Promise<Messages> {
  const key = `${locale}/${part}`;
  const done = fetched.get(key);
  if (done) return Promise.resolve(done);
  let pending = fetching.get(key);
  if (!pending) {
    pending = fetch(`/api/messages/${encodeURIComponent(locale)}/${encodeURIComponent(part)}`, { headers: { accept: "application/json" } })
      .then(async (response) => {
        if (!response.ok) throw new Error(`texts ${key}: ${response.status}`);
        const messages = (await response.json()) as Messages;
        fetched.set(key, messages);
        return messages;
      })
      .finally(() => fetching.delete(key));
    fetching.set(key, pending);
  }
  return pending;
}

function has(messages: Messages, path: string): boolean {
  let node: string | Messages | undefined = messages;
  for (const key of path.split(".")) node = typeof node === "object" ? node[key] : undefined;
  return node !== undefined;
}

/** Whether the texts around this component already hold all of `part` (a page that sends them, or development). */
function useHasPart(part: OnDemandPart): boolean {
  const messages = useMessages() as Messages;
  return onDemandMessageParts[part].every((path) => has(messages, path));
}

/**
 * Starts fetching a part before it is shown, e.g. when a button that needs it is pressed, so that its
 * boundary usually finds the texts there. Does nothing where the page already has them.
 */
export function usePrefetchMessages(part: OnDemandPart): () => void {
  const locale = useLocale();
  const present = useHasPart(part);
  return useCallback(() => {
    if (!present) fetchPart(locale, part).catch(() => {});
  }, [locale, part, present]);
}

/**
 * Fetches `part` as soon as the component is on the page, for controls that must show their texts the
 * moment they are used: such a control waits for "ready" (or "failed", when its boundary then says so)
 * before it can be used.
 */
export function useMessagesOnMount(part: OnDemandPart): "ready" | "loading" | "failed" {
  const locale = useLocale();
  const present = useHasPart(part);
  const key = `${locale}/${part}`;
  const [settled, setSettled] = useState<{ key: string; state: "ready" | "failed" } | null>(null);

  useEffect(() => {
    if (present || fetched.has(key)) return;
    let current = true;
    fetchPart(locale, part).then(
      () => current && setSettled({ key, state: "ready" }),
      () => current && setSettled({ key, state: "failed" }),
    );
    return () => {
      current = false;
    };
  }, [present, key, locale, part]);

  if (present || settled?.state === "ready") return "ready";
  return settled?.key === key ? settled.state : "loading";
}

type OnDemandMessagesProps = {
  part: OnDemandPart;
  /** Shown while the texts are on their way: nothing by default, "Even laden…", or that as a list item. */
  loading?: "text" | "item" | null;
  children: React.ReactNode;
};

/**
 * Renders its children with the texts of `part` added to those of the page, fetching them the first
 * time (see lib/i18n/on-demand-parts.ts). Until they are there it shows nothing of its children (or
 * "Even laden…"), never a raw message key; when they cannot be fetched it says so.
 */
export function OnDemandMessages({ part, loading = null, children }: OnDemandMessagesProps) {
  const t = useTranslations("onDemand");
  const tErrors = useTranslations("errors");
  const locale = useLocale();
  const timeZone = useTimeZone();
  const present = useHasPart(part);
  const key = `${locale}/${part}`;
  const [, setArrived] = useState(0);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const extra = present ? null : (fetched.get(key) ?? null);

  useEffect(() => {
    if (present || fetched.has(key)) return;
    let current = true;
    fetchPart(locale, part).then(
      () => current && setArrived((count) => count + 1),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [present, key, locale, part, attempt]);

  if (present) return children;
  if (extra) {
    // Added to the page's texts by the provider.
    return (
      <IntlClientProvider locale={locale} timeZone={timeZone} messages={extra}>
        {children}
      </IntlClientProvider>
    );
  }
  if (failed) {
    const Line = loading === "item" ? "li" : "p";
    return (
      <Line role="alert" className="mt-2 px-3 text-sm font-medium text-red-800">
        {t("failed")}{" "}
        <button
          type="button"
          className="underline underline-offset-2"
          onClick={() => {
            setFailed(false);
            setAttempt((count) => count + 1);
          }}
        >
          {tErrors("retry")}
        </button>
      </Line>
    );
  }
  if (loading === "item") return <li className="px-3 py-2 text-sm text-stone-600">{t("loading")}</li>;
  return loading === "text" ? <p className="mt-2 text-sm text-stone-600">{t("loading")}</p> : null;
}
