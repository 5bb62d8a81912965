// A household that shares one email address asks for its logins on a phone: each account gets its
// own email, each green button signs into its own account, and one member then sets a password and
// signs in with it. Uses the Bakker / van den Berg household of the demo, which no other journey uses.
import { expect, test, type Page } from "@playwright/test";
import { signInPathOf, type MailboxMessage } from "./support/mailbox";

const household = "bakker.vandenberg@example.org";
const accounts = [
  { username: "noel.bakker", firstName: "Noël" },
  { username: "zoe.vandenberg", firstName: "Zoë" },
] as const;
// Fixed, so a rerun on the same database can give it as the current password.
const chosenPassword = "zonnebloem fietsbel dinsdag 7";


async function loginRequestMails(page: Page, since: Date): Promise<MailboxMessage[]> {
  const response = await page.request.get(`/dev/mail.json?to=${encodeURIComponent(household)}`);
  expect(response.ok()).toBe(true);
  const messages = (await response.json()) as MailboxMessage[];
  return messages.filter((message) => message.template === "login-request" && new Date(message.createdAt) >= since);
}

test("a shared household address gets one login email per account; a member signs in by link, sets a password and signs in with it", async ({ page }) => {
  // Eleven page loads and two emails: more than the default allows on a cold development server.
  test.setTimeout(60_000);
  const since = new Date(Date.now() - 5_000);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: /Login opvragen/ }).tap();
  await expect(page.getByRole("heading", { level: 1, name: "Login opvragen" })).toBeVisible();
  await page.getByLabel("E-mailadres").fill(` ${household.toUpperCase()} `);
  await page.getByRole("button", { name: "Stuur mij een e-mail" }).tap();
  await expect(page.getByRole("status")).toContainText("Kijk in je mailbox");

  // Sent after the answer went out, so wait for both.
  await expect.poll(async () => (await loginRequestMails(page, since)).length, { timeout: 15_000 }).toBe(2);
  const mails = await loginRequestMails(page, since);

  for (const account of accounts) {
    const mail = mails.find((message) => message.text.includes(account.username));
    if (!mail) throw new Error(`no login email for ${account.username}`);
    expect(mail.subject).toContain("Je gebruikersnaam");
    expect(mail.text).toContain("Stuur deze e-mail niet door");
    await page.goto(signInPathOf(mail));
    await expect(page).toHaveURL(/\/my$/);
    await expect(page.getByText(`Hallo ${account.firstName}`)).toBeVisible();
  }

  // Signed in as the last account through its link: choose a password.
  const member = accounts[1];
  await page.getByRole("link", { name: "Mijn account" }).tap();
  await expect(page.getByRole("heading", { level: 1, name: "Mijn account" })).toBeVisible();
  await page.getByRole("link", { name: /Wachtwoord (kiezen|wijzigen)/ }).tap();
  await expect(page.getByRole("heading", { level: 1, name: "Wachtwoord wijzigen" })).toBeVisible();
  const current = page.getByLabel("Huidige wachtwoord");
  // On a fresh database this member has never had a password; a rerun finds the one set last time.
  if (await current.isVisible()) await current.fill(chosenPassword);
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(chosenPassword);
  await page.getByLabel("Nieuw wachtwoord nog een keer").fill(chosenPassword);
  await page.getByRole("button", { name: "Nieuw wachtwoord opslaan" }).tap();
  await expect(page.getByRole("status")).toContainText("Je nieuwe wachtwoord is opgeslagen");

  await page.getByRole("button", { name: "Uitloggen", exact: true }).tap();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("Gebruikersnaam", { exact: true }).fill(member.username);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(chosenPassword);
  await page.getByRole("button", { name: "Inloggen", exact: true }).tap();
  await expect(page).toHaveURL(/\/my(\?|$)/);
  await expect(page.getByText(`Hallo ${member.firstName}`)).toBeVisible();
});
