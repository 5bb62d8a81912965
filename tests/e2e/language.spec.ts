// A member on a phone switches Ploeg to English on Mijn account: their page and the next email they
// get (a login they request after signing out) are in English; then they switch back to Dutch. Uses
// Youssef El Idrissi of the demo (his own address, no password: he signs in through a login email),
// whom no other journey uses. Each step accepts either language, so a run that stopped halfway does
// not break the next one.
import { expect, test, type Page } from "@playwright/test";
import { signInPathOf, type MailboxMessage } from "./support/mailbox";

const member = { firstName: "Youssef", email: "youssef.elidrissi@example.org" };


async function loginMails(page: Page): Promise<MailboxMessage[]> {
  const response = await page.request.get(`/dev/mail.json?to=${encodeURIComponent(member.email)}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as MailboxMessage[]).filter((mail) => mail.template === "login-request");
}


/** Asks for a login on the (signed-out) request page and returns the email it brings. */
async function requestLogin(page: Page): Promise<MailboxMessage> {
  // Told apart by their one-time links, not by time: the previous request may be only seconds old.
  const seen = new Set((await loginMails(page)).map(signInPathOf));
  await page.goto("/sign-in/request");
  await page.getByLabel(/E-mailadres|Email address/).fill(member.email);
  await page.getByRole("button", { name: /Stuur mij een e-mail|Send me an email/ }).tap();
  await expect(page.getByRole("status")).toContainText(/Kijk in je mailbox|Check your mailbox/);
  const fresh = async () => (await loginMails(page)).filter((mail) => !seen.has(signInPathOf(mail)));
  await expect.poll(async () => (await fresh()).length, { timeout: 15_000 }).toBeGreaterThan(0);
  return (await fresh())[0];
}

/** Signs in with a login email's button; sign-in links work for 7 days, so a rerun reuses the last one. */
async function signIn(page: Page): Promise<void> {
  const [earlier] = await loginMails(page);
  if (earlier) {
    await page.goto(signInPathOf(earlier));
    if (new URL(page.url()).pathname === "/my") return;
  }
  await page.goto(signInPathOf(await requestLogin(page)));
  await expect(page).toHaveURL(/\/my$/);
}

async function chooseLanguage(page: Page, language: "Nederlands" | "English"): Promise<void> {
  await page.getByRole("link", { name: /^(Mijn account|My account)$/ }).tap();
  await expect(page.getByRole("heading", { level: 1, name: /^(Mijn account|My account)$/ })).toBeVisible();
  await page.getByRole("radio", { name: language }).check();
  await page.getByRole("button", { name: /^(Taal opslaan|Save language)$/ }).tap();
}

test("a member switches to English: Mijn pagina and the next email they get are in English", async ({ page }) => {
  // Two login emails and a dozen page loads: more than the default allows on a cold development server.
  test.setTimeout(60_000);
  await signIn(page);

  await chooseLanguage(page, "English");
  await expect(page.getByText("Saved. Ploeg and your emails are in English from now on.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "My account" })).toBeVisible();
  await page.getByRole("link", { name: "My page", exact: true }).tap();
  await expect(page).toHaveURL(/\/my$/);
  await expect(page.getByRole("heading", { level: 1, name: "My page" })).toBeVisible();
  await expect(page.getByText(`Hello ${member.firstName}`)).toBeVisible();

  // The next email: signed out, he asks for his login again.
  await page.getByRole("button", { name: "Sign out", exact: true }).tap();
  await expect(page).toHaveURL(/\/sign-in/);
  const mail = await requestLogin(page);
  expect(mail.subject).toContain("Your username for");
  expect(mail.text).toContain("Please don't forward this email");

  await page.goto(signInPathOf(mail));
  await expect(page).toHaveURL(/\/my$/);
  await expect(page.getByRole("heading", { level: 1, name: "My page" })).toBeVisible();

  // Back to Dutch, so a rerun and the other journeys find him as the demo has him.
  await chooseLanguage(page, "Nederlands");
  await expect(page.getByText("Opgeslagen. Ploeg en je e-mails zijn voortaan in het Nederlands.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Mijn account" })).toBeVisible();
});
