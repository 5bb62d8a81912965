// getTranslations and getFormatter for server components, as next-intl's, but with the parsed
// messages and Intl formatters kept for the life of the process. next-intl creates both afresh for
// every request (and the message cache for every namespace), so each page view parsed every ICU
// message it showed again and built a new Intl.DateTimeFormat for each date style: a shift card's
// time and labels were a tenth of a member page's CPU. The caches are keyed by the message text,
// locale and formats (time zone included), so sharing them between requests and members changes no
// output; they only grow with the app's own messages and formats.
// Server actions keep next-intl's own functions: they are not on the hot path.
import { cache } from "react";
import { _createCache, _createIntlFormatters, createFormatter, createTranslator } from "next-intl";
import * as nextIntl from "next-intl/server";
import { formats } from "./formats";

const sharedCache = _createCache();
const sharedFormatters = _createIntlFormatters(sharedCache);

type Options = { locale?: string; namespace?: string };

const translatorFor = cache(async (locale: string | undefined, namespace: string | undefined) => {
  const [resolvedLocale, messages, timeZone] = await Promise.all([
    locale ? Promise.resolve(locale) : nextIntl.getLocale(),
    nextIntl.getMessages(locale ? { locale } : undefined),
    nextIntl.getTimeZone(locale ? { locale } : undefined),
  ]);
  return createTranslator({ locale: resolvedLocale, messages, namespace, timeZone, _cache: sharedCache, _formatters: sharedFormatters });
});

const formatterFor = cache(async (locale: string | undefined) => {
  const [resolvedLocale, timeZone, now] = await Promise.all([
    locale ? Promise.resolve(locale) : nextIntl.getLocale(),
    nextIntl.getTimeZone(locale ? { locale } : undefined),
    nextIntl.getNow(locale ? { locale } : undefined),
  ]);
  return createFormatter({ locale: resolvedLocale, timeZone, now, formats, _cache: sharedCache, _formatters: sharedFormatters });
});

async function translations(namespaceOrOptions?: string | Options) {
  const options = typeof namespaceOrOptions === "string" ? { namespace: namespaceOrOptions } : (namespaceOrOptions ?? {});
  return translatorFor(options.locale, options.namespace);
}

async function formatter(options?: { locale?: string }) {
  return formatterFor(options?.locale);
}

/** next-intl's getTranslations, with messages parsed once per process. */
export const getTranslations = translations as unknown as typeof nextIntl.getTranslations;
/** next-intl's getFormatter, with Intl formatters built once per process. */
export const getFormatter = formatter as unknown as typeof nextIntl.getFormatter;
