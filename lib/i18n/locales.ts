// The app's languages and how a stored or submitted value becomes one; no Next or database imports.
export const locales = ["nl", "en"] as const;
export type Locale = (typeof locales)[number];
/** Dutch is the product's language: the fallback for anything unknown. */
export const defaultLocale: Locale = "nl";
/**
 * The language of signed-out pages and refusals on this device, written when a member saves their
 * choice. Signed-in pages follow the stored choice instead, so every device agrees.
 */
export const localeCookie = "PLOEG_LOCALE";

export function toLocale(value: string | undefined | null): Locale {
  return value === "en" ? "en" : defaultLocale;
}
