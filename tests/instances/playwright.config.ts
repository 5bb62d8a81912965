// The two-instance journeys (`npm test -- --only=instances`): the e2e settings (Debian's Chromium,
// Dutch locale, Amsterdam time), run against two `npm start` servers on one PostgreSQL database
// whose addresses the stage passes in INSTANCE_A_URL and INSTANCE_B_URL. Each journey opens its own
// phone-sized browsers on both servers, so the config names no project or base URL.
import { defineConfig } from "@playwright/test";
import e2e from "../../playwright.config";

export default defineConfig({
  testDir: ".",
  testMatch: /\.spec\.ts$/,
  outputDir: "../../test-results/playwright-instances",
  // One database for all journeys: one after another.
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    browserName: "chromium",
    headless: true,
    launchOptions: e2e.use?.launchOptions,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
});
