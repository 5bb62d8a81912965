// next-intl without locale routing: Dutch by default, English when the member chose it (cookie).
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { formats } from "./formats";

export const locales = ["nl", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "nl";
export const localeCookie = "PLOEG_LOCALE";

export function toLocale(value: string | undefined | null): Locale {
  return value === "en" ? "en" : defaultLocale;
}

export default getRequestConfig(async () => {
  const store = await cookies();
  const locale = toLocale(store.get(localeCookie)?.value);
  const messages = locale === "en" ? (await import("./messages/en.json")).default : (await import("./messages/nl.json")).default;
  return { locale, messages, timeZone: "Europe/Amsterdam", formats };
});
