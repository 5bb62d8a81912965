// A member on a phone looks for an open shift next week, takes it, finds it on Mijn pagina and, the
// same day, signs off again, after which the place is open again. Uses the demo member (demo.lid): the
// only plain member with a password. The smoke journey only signs her in; this journey leaves her
// roster as it found it, so it can run again on the same database.
import { expect, test, type Page } from "@playwright/test";

async function signIn(page: Page): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Gebruikersnaam", { exact: true }).fill("demo.lid");
  await page.getByLabel("Wachtwoord", { exact: true }).fill("Ploeg-demo-2026!");
  await page.getByRole("button", { name: "Inloggen", exact: true }).tap();
  await expect(page).toHaveURL(/\/my(\?|$)/);
  await expect(page.getByText("Hallo Sanne")).toBeVisible();
}

/** A sideways finger swipe across the roster page's heading: "left" shows the next week. */
async function swipe(page: Page, direction: "left" | "right"): Promise<void> {
  await page.getByRole("heading", { level: 1, name: "Diensten" }).evaluate((heading, dx) => {
    const box = heading.getBoundingClientRect();
    const y = box.top + box.height / 2;
    const x = box.left + box.width / 2;
    const at = (clientX: number) => new Touch({ identifier: 1, target: heading, clientX, clientY: y });
    heading.dispatchEvent(new TouchEvent("touchstart", { touches: [at(x)], changedTouches: [at(x)], bubbles: true }));
    heading.dispatchEvent(new TouchEvent("touchend", { touches: [], changedTouches: [at(x + dx)], bubbles: true }));
  }, direction === "left" ? -150 : 150);
}

test("a member takes an open shift next week, sees it on Mijn pagina and signs off the same day", async ({ page, context }) => {
  // Seven page loads and two posts: more than the default allows on a cold development server.
  test.setTimeout(60_000);
  await signIn(page);

  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Diensten" }).tap();
  await expect(page.getByRole("heading", { level: 1, name: "Diensten" })).toBeVisible();
  await page.getByRole("link", { name: "Open diensten" }).tap();
  await expect(page.getByRole("link", { name: "Open diensten" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("link", { name: "Volgende week" }).tap();
  await expect(page).toHaveURL(/view=open/);
  await expect(page.getByRole("link", { name: "Naar deze week" })).toBeVisible();

  // The demo roster always leaves places next week that she may take; take the first one.
  const card = page.locator('main a[href^="/my/shifts/"]').first();
  await expect(card).toBeVisible();
  const shiftPath = await card.getAttribute("href");
  if (!shiftPath) throw new Error("the open shift has no link");
  const activity = (await card.locator("h3").textContent())?.trim() ?? "";
  expect(activity).not.toBe("");
  await card.tap();

  await expect(page).toHaveURL(new RegExp(`${shiftPath}$`));
  await expect(page.getByRole("heading", { level: 1, name: activity })).toBeVisible();
  // The same shift in a second tab, opened before she signs up: its button is out of date soon.
  const staleTab = await context.newPage();
  await staleTab.goto(shiftPath);
  await page.getByRole("button", { name: "Inschrijven" }).tap();
  await expect(page.getByRole("status")).toHaveText("Je bent ingeschreven. Tot dan!");
  await expect(page.getByText("Je staat op deze dienst.")).toBeVisible();
  await expect(page.getByText("Sanne de Vries (jij)")).toBeVisible();
  await expect(page.getByText(/Uitschrijven kan tot .* 23:59/)).toBeVisible();

  // Pressing the stale button does not sign her up twice; the tab says she is on it already.
  await staleTab.getByRole("button", { name: "Inschrijven" }).tap();
  await expect(staleTab.getByText(/^Je staat (al )?op deze dienst\.$/)).toBeVisible();
  await staleTab.reload();
  await expect(staleTab.getByText("Sanne de Vries (jij)")).toHaveCount(1);
  await staleTab.close();

  // The shift is now hers, on Mijn pagina, with the way to its page.
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Mijn pagina" }).tap();
  await expect(page.getByRole("heading", { level: 1, name: "Mijn pagina" })).toBeVisible();
  const coming = page.getByRole("region", { name: "Mijn komende diensten" });
  const myCard = coming.locator(`a[href="${shiftPath}"]`);
  await expect(myCard).toContainText(activity);
  await expect(coming.locator(`a[href="${shiftPath}/handover"]`)).toHaveAccessibleName(`${activity} overdragen`);

  // Signing off is allowed the same day.
  await myCard.tap();
  await expect(page).toHaveURL(new RegExp(`${shiftPath}$`));
  await page.getByRole("button", { name: "Uitschrijven" }).tap();
  await expect(page.getByRole("status")).toHaveText("Je bent uitgeschreven. De plek is weer vrij voor een ander.");
  await expect(page.getByRole("button", { name: "Inschrijven" })).toBeVisible();

  // Gone from Mijn pagina, and open again in next week's open shifts.
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Mijn pagina" }).tap();
  await expect(page.getByRole("region", { name: "Mijn komende diensten" }).locator(`a[href="${shiftPath}"]`)).toHaveCount(0);
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Diensten" }).tap();
  await page.getByRole("link", { name: "Open diensten" }).tap();
  await expect(page.getByRole("link", { name: "Open diensten" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Volgende week" }).tap();
  await expect(page).toHaveURL(/view=open&week=/);
  await expect(page.getByRole("link", { name: "Naar deze week" })).toBeVisible();
  await expect(page.locator(`main a[href="${shiftPath}"]`)).toBeVisible();

  // A swipe turns the week as the buttons do: right back to this week, left to next week again.
  await swipe(page, "right");
  await expect(page.getByRole("link", { name: "Naar deze week" })).toHaveCount(0);
  await expect(page).toHaveURL(/view=open/);
  await swipe(page, "left");
  await expect(page.getByRole("link", { name: "Naar deze week" })).toBeVisible();
  await expect(page.locator(`main a[href="${shiftPath}"]`)).toBeVisible();
});
