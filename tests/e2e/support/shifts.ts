// Shifts as a member finds them on a phone, for journeys that need one of their own.
import { expect, type Page } from "@playwright/test";

/**
 * A coming shift of the signed-in member that they may hand over (on Mijn pagina), or else an open
 * place in the next two weeks that they take first, so a journey can run again on the same database.
 */
export async function comingShiftOf(page: Page): Promise<{ shiftPath: string; activity: string }> {
  const coming = page.getByRole("region", { name: "Mijn komende diensten" });
  const handOver = coming.locator('a[href$="/handover"]');
  if ((await handOver.count()) > 0) {
    const shiftPath = ((await handOver.first().getAttribute("href")) ?? "").replace(/\/handover$/, "");
    const activity = ((await coming.locator(`a[href="${shiftPath}"] h3`).first().textContent()) ?? "").trim();
    return { shiftPath, activity };
  }
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Diensten" }).tap();
  await page.getByRole("link", { name: "Open diensten" }).tap();
  await expect(page.getByRole("link", { name: "Open diensten" })).toHaveAttribute("aria-current", "page");
  for (let week = 1; week <= 2; week++) {
    await page.getByRole("link", { name: "Volgende week" }).tap();
    await expect(page.getByRole("link", { name: "Naar deze week" })).toBeVisible();
    await expect(page).toHaveURL(/view=open&week=/);
    const card = page.locator('main a[href^="/my/shifts/"]').first();
    if ((await card.count()) === 0) continue;
    const shiftPath = (await card.getAttribute("href")) ?? "";
    const activity = ((await card.locator("h3").textContent()) ?? "").trim();
    await page.goto(shiftPath);
    await page.getByRole("button", { name: "Inschrijven" }).tap();
    await expect(page.getByRole("status")).toHaveText("Je bent ingeschreven. Tot dan!");
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Mijn pagina" }).tap();
    return { shiftPath, activity };
  }
  throw new Error("no coming shift to hand over and no open place in the next two weeks");
}
