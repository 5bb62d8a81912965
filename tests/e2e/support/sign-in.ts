// Signing in the way a person does: the sign-in page, a username and a password, waiting out the
// per-device limit that the journeys of one run share (see rate-limit.ts).
import type { Page } from "@playwright/test";
import { submitWaitingOutRateLimit } from "./rate-limit";

/** Opens the sign-in page and signs in with a password; a phone journey `tap`s the button. */
export async function signInWithPassword(page: Page, username: string, password: string, press: "click" | "tap" = "click"): Promise<void> {
  await page.goto("/sign-in");
  await submitWaitingOutRateLimit(page, async () => {
    await page.getByLabel("Gebruikersnaam", { exact: true }).fill(username);
    await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Inloggen", exact: true })[press]();
  });
}
