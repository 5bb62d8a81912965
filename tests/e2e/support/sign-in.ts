// Signing in the way a person does: the sign-in page, a username and a password, waiting out the
// per-device limit that the journeys of one run share (see rate-limit.ts).
import { expect, type Page } from "@playwright/test";
import { mailboxQuery, signInPathOf, type MailboxMessage } from "./mailbox";
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

/**
 * Signs a member without a password in with the button of a login email. Sign-in links work for 7
 * days, so a rerun reuses the one already in the mailbox (login requests are rate limited per
 * address). `mailbox` reads another server's mailbox when the page's server has none.
 */
export async function signInByLoginEmail(
  page: Page,
  member: { email: string; firstName: string },
  mailbox: (query: string) => Promise<MailboxMessage[]> = (query) => mailboxQuery(page, query),
): Promise<void> {
  const loginMails = async () => (await mailbox(`to=${encodeURIComponent(member.email)}`)).filter((mail) => mail.template === "login-request");
  const [earlier] = await loginMails();
  if (earlier) {
    await page.goto(signInPathOf(earlier));
    if (new URL(page.url()).pathname === "/my") return expect(page.getByText(`Hallo ${member.firstName}`)).toBeVisible();
  }
  const since = new Date(Date.now() - 2_000);
  await page.goto("/sign-in/request");
  await page.getByLabel("E-mailadres").fill(member.email);
  await page.getByRole("button", { name: "Stuur mij een e-mail" }).tap();
  await expect(page.getByRole("status")).toContainText("Kijk in je mailbox");
  const fresh = async () => (await loginMails()).filter((mail) => new Date(mail.createdAt) >= since);
  await expect.poll(async () => (await fresh()).length, { timeout: 15_000 }).toBeGreaterThan(0);
  await page.goto(signInPathOf((await fresh())[0]));
  await expect(page).toHaveURL(/\/my$/);
  await expect(page.getByText(`Hallo ${member.firstName}`)).toBeVisible();
}
