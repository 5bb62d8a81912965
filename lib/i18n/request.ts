// next-intl without locale routing. A signed-in request speaks the member's language (their own choice,
// else their organisation's), read with the actor in the request's one session statement; getActor is
// React-cached per request, the same instance the pages' guards use, so this adds no query. Signed
// out, the device's cookie decides, else Dutch.
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { formats } from "./formats";
import { localeCookie, locales, toLocale, type Locale } from "./locales";

async function requestLocale(): Promise<Locale> {
  const actor = await getActor();
  if (actor) return actor.locale;
  const store = await cookies();
  return toLocale(store.get(localeCookie)?.value);
}

// A locale passed explicitly (getTranslations({ locale }) inside a "use cache" fragment, where the
// request's cookies may not be read) is used as it is.
export default getRequestConfig(async ({ locale: explicit }) => {
  const locale = explicit !== undefined && (locales as readonly string[]).includes(explicit) ? (explicit as Locale) : await requestLocale();
  const messages = locale === "en" ? (await import("./messages/en.json")).default : (await import("./messages/nl.json")).default;
  return { locale, messages, timeZone: "Europe/Amsterdam", formats };
});
