// Every journey reaches the app from the same address (127.0.0.1), so the sign-in limit per device is
// shared by all journeys of a run, and one that signs in right after others may be told to wait. A
// person waits the time the page names and tries again; so does a journey, once.
import { expect, type Page } from "@playwright/test";

const waitNotice = /Te veel pogingen vanaf dit apparaat\. Probeer het over (\d+) (seconde|seconden|minuut|minuten) opnieuw\./;

/**
 * Fills in and sends a sign-in form with `submit`; if the page answers that this device tried too
 * often (the form then comes back empty), waits as long as it says and fills in and sends once more.
 */
export async function submitWaitingOutRateLimit(page: Page, submit: () => Promise<void>): Promise<void> {
  await submit();
  const notice = page.getByText(waitNotice);
  const refused = await notice.waitFor({ state: "visible", timeout: 1_500 }).then(
    () => true,
    () => false,
  );
  if (!refused) return;
  const [, amount, unit] = waitNotice.exec((await notice.textContent()) ?? "") ?? [];
  const seconds = Number(amount) * (unit?.startsWith("minu") ? 60 : 1);
  expect(seconds).toBeLessThanOrEqual(60);
  await page.waitForTimeout((seconds + 1) * 1000);
  await submit();
}
