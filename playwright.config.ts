// Browser journeys on Debian's Chromium against an already running server: `npm test` starts
// `npm start`'s server on a freshly seeded database and passes its address in PLAYWRIGHT_BASE_URL.
// Members are tested at a phone viewport, coordinators (tests/e2e/coordinator/) at a desktop one.
import { defineConfig, type LaunchOptions } from "@playwright/test";
import { dutchInAmsterdam, phoneScreen } from "./tests/e2e/support/phone";

// Never download Playwright's own browsers: the system Chromium is used.
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";

const launchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/playwright",
  // One seeded database is shared by all journeys; run them one after another so they cannot race.
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: ci ? "list" : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    // `npm run dev` answers on :3000 when the journeys are run by hand.
    baseURL: process.env.PLAYWRIGHT_BASE_URL ?? "http://127.0.0.1:3000",
    browserName: "chromium",
    headless: true,
    launchOptions,
    ...dutchInAmsterdam,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "phone",
      testIgnore: /coordinator\//,
      use: phoneScreen,
    },
    {
      name: "desktop",
      testMatch: /coordinator\/.*\.spec\.ts$/,
      use: { viewport: { width: 1280, height: 800 } },
    },
  ],
});
