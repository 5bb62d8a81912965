// A provider admin at a laptop (the desktop project: this folder) signs in the way a person does (username, password, then the email code
// provider admins always get), creates an organisation with its first admin, sees that admin's
// username and temporary password once, opens the new organisation's dashboard under the visiting
// banner, and goes back. Uses the demo provider admin; each run creates its own organisation.
import { expect, test, type Page } from "@playwright/test";
import { submitWaitingOutRateLimit } from "../support/rate-limit";
import { signInWithPassword } from "../support/sign-in";

const providerAdmin = { username: "demo.provider", password: "Ploeg-demo-2026!", email: "provider@ploeg.example.org" };

type MailboxMessage = { template: string; text: string; createdAt: string };

async function codeMails(page: Page, since: Date): Promise<MailboxMessage[]> {
  const response = await page.request.get(`/dev/mail.json?to=${encodeURIComponent(providerAdmin.email)}`);
  expect(response.ok()).toBe(true);
  const messages = (await response.json()) as MailboxMessage[];
  return messages.filter((message) => message.template === "two-factor-code" && new Date(message.createdAt) >= since);
}

test("a provider admin signs in with an email code, creates an organisation and opens its dashboard", async ({ page }) => {
  test.setTimeout(90_000);
  const since = new Date(Date.now() - 5_000);
  const suffix = Date.now().toString(36);
  const organisation = { name: `Zorgboerderij De Hoeve ${suffix}`, slug: `de-hoeve-${suffix}`, admin: `hoeve.${suffix}` };

  await signInWithPassword(page, providerAdmin.username, providerAdmin.password);
  await expect(page.getByRole("heading", { level: 1, name: "Vul je inlogcode in" })).toBeVisible();

  await expect.poll(async () => (await codeMails(page, since)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  const code = /\b(\d{6})\b/.exec((await codeMails(page, since))[0].text)?.[1];
  if (!code) throw new Error("no code in the two-factor email");
  await submitWaitingOutRateLimit(page, async () => {
    await page.getByLabel("Code van 6 cijfers").fill(code);
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
  });

  await expect(page).toHaveURL(/\/provider$/);
  await expect(page.getByRole("heading", { level: 1, name: "Jouw organisaties" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Stichting Samen Sterk" })).toBeVisible();

  await page.getByLabel("Naam van de organisatie", { exact: true }).fill(organisation.name);
  await page.getByLabel("Korte naam", { exact: true }).fill(organisation.slug);
  await page.getByLabel("Naam van de beheerder", { exact: true }).fill("Henk de Boer");
  await page.getByLabel("Gebruikersnaam van de beheerder", { exact: true }).fill(organisation.admin);
  await page.getByLabel("E-mailadres van de beheerder", { exact: true }).fill(`${organisation.admin}@example.org`);
  await page.getByRole("button", { name: "Organisatie aanmaken" }).click();

  const created = page.getByRole("status").filter({ hasText: `${organisation.name} is aangemaakt` });
  await expect(created).toBeVisible();
  await expect(created.getByTestId("created-username")).toHaveText(organisation.admin);
  await expect(created.getByTestId("created-password")).toHaveText(/^\w{4}-\w{4}-\w{4}$/);

  await expect(page.getByRole("rowheader", { name: organisation.name })).toBeVisible();
  await page.getByRole("button", { name: `Dashboard van ${organisation.name} openen` }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText(`Je bekijkt ${organisation.name} als providerbeheerder.`)).toBeVisible();

  await page.getByRole("button", { name: "Terug naar je organisaties" }).click();
  await expect(page).toHaveURL(/\/provider$/);
  await expect(page.getByRole("heading", { level: 1, name: "Jouw organisaties" })).toBeVisible();
});
