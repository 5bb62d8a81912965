// The phone the member journeys run on (the "phone" project of playwright.config.ts), and a fresh one
// for a journey that needs a second person's phone: no cookies, the same screen, language and zone.
import type { Browser, BrowserContext } from "@playwright/test";

/** The iPhone presets are WebKit; this is the same screen on Chromium. */
export const phoneScreen = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

export const dutchInAmsterdam = { locale: "nl-NL", timezoneId: "Europe/Amsterdam" };

export function newPhone(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL, ...phoneScreen, ...dutchInAmsterdam });
}
