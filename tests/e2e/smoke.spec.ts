// The shortest real journey: a member opens Ploeg on a phone, signs in with the demo login and lands
// on their own page.
import { expect, test } from "@playwright/test";

test("a demo member signs in with username and password on a phone and sees Mijn pagina", async ({ page }) => {
  await page.goto("/sign-in");

  await page.getByLabel("Gebruikersnaam", { exact: true }).fill("demo.lid");
  await page.getByLabel("Wachtwoord", { exact: true }).fill("Ploeg-demo-2026!");
  await page.getByRole("button", { name: "Inloggen", exact: true }).tap();

  await expect(page).toHaveURL(/\/my(\?|$)/);
  await expect(page.getByRole("heading", { level: 1, name: "Mijn pagina" })).toBeVisible();
});
