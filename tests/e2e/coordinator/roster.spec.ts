// A coordinator plans a shift in the dashboard: creates one for next week needing two people, assigns
// two members at once (the shift is then full), takes one off again (who gets the removal email),
// and cancels the shift (the one still on it is told). Signs in as demo.coordinator; the members are
// whichever the assign list offers first. Each run makes its own shift and cancels it, so a rerun
// starts clean and the members' rosters keep no live shift from it.
import { expect, test, type Page } from "@playwright/test";
import { signInWithPassword } from "../support/sign-in";

type MailboxMessage = { template: string; to: string; toName: string | null; subject: string; text: string; createdAt: string };

async function recentMails(page: Page, template: string, since: Date): Promise<MailboxMessage[]> {
  const response = await page.request.get("/dev/mail.json?limit=200");
  expect(response.ok()).toBe(true);
  const messages = (await response.json()) as MailboxMessage[];
  return messages.filter((message) => message.template === template && new Date(message.createdAt) >= since);
}

test("a coordinator creates a shift, assigns two people, takes one off and cancels it", async ({ page }) => {
  test.setTimeout(90_000);
  const activity = `Voorleesmiddag ${Date.now().toString(36)}`;
  const since = new Date(Date.now() - 2_000);

  await signInWithPassword(page, "demo.coordinator", "Ploeg-demo-2026!");
  await expect(page).toHaveURL(/\/my$/);
  await page.goto("/dashboard");

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Rooster" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rooster" })).toBeVisible();
  await page.getByRole("link", { name: /Volgende week/ }).click();
  await expect(page).toHaveURL(/week=\d{4}-W\d{2}/);
  await page.getByRole("link", { name: "Nieuwe dienst" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nieuwe dienst" })).toBeVisible();

  // An empty activity is refused next to the field, and what was typed stays.
  await page.getByLabel("Aantal mensen nodig").fill("2");
  await page.getByLabel("Begintijd").fill("14:00");
  await page.getByLabel("Eindtijd").fill("16:00");
  await page.getByLabel("Activiteit").fill(" ");
  await page.getByRole("button", { name: "Dienst aanmaken" }).click();
  await expect(page.getByRole("main").getByRole("alert").first()).toHaveText("Niet opgeslagen. Kijk de velden met een melding na.");
  // The field's own message is read out with it.
  await expect(page.getByLabel("Activiteit")).toHaveAccessibleDescription("Vul een activiteit in.");
  await expect(page.getByLabel("Begintijd")).toHaveValue("14:00");

  await page.getByLabel("Activiteit").fill(activity);
  await page.getByRole("button", { name: "Dienst aanmaken" }).click();
  await expect(page).toHaveURL(/\/dashboard\/roster\/[0-9a-f-]{36}\?saved=created/);
  await expect(page.getByRole("heading", { level: 1, name: activity })).toBeVisible();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("De dienst is aangemaakt.");
  await expect(page.getByRole("heading", { name: "Op deze dienst (0 van 2)" })).toBeVisible();

  // Assign the first two people the list offers, at once.
  const assign = page.getByRole("region", { name: "Mensen inroosteren" });
  const offered = assign.getByRole("checkbox");
  const name = ((await offered.nth(0).locator("xpath=following-sibling::span[1]").textContent()) ?? "").trim();
  expect(name).not.toBe("");
  await offered.nth(0).check();
  await offered.nth(1).check();
  await expect(assign.getByText("2 gekozen")).toBeVisible();
  await assign.getByRole("button", { name: "Rooster geselecteerde in" }).click();
  await expect(page.getByRole("heading", { name: "Op deze dienst (2 van 2)" })).toBeVisible();
  await expect(page.getByText("De dienst is vol.")).toBeVisible();
  // The answer stays in view once the shift is full, and names who was put on.
  const answer = assign.getByRole("status");
  await expect(answer).toContainText("2 personen ingeroosterd");
  await expect(answer.getByRole("listitem").filter({ hasText: name })).toHaveCount(1);
  await expect.poll(async () => (await recentMails(page, "shift-assigned", since)).filter((mail) => mail.text.includes(activity)).length, { timeout: 15_000 }).toBe(2);

  // Take the first one off again: they get the removal email.
  const onShift = page.getByRole("region", { name: /Op deze dienst/ });
  await onShift.getByRole("checkbox", { name }).check();
  // The app asks first; going back changes nothing.
  await onShift.getByRole("button", { name: "Haal geselecteerde van de dienst" }).click();
  const removeQuestion = page.getByRole("dialog", { name: /Wie je van de dienst haalt, krijgt daar een e-mail over/ });
  await removeQuestion.getByRole("button", { name: "Nee, terug" }).click();
  await expect(removeQuestion).toBeHidden();
  await expect(page.getByRole("heading", { name: "Op deze dienst (2 van 2)" })).toBeVisible();
  await onShift.getByRole("button", { name: "Haal geselecteerde van de dienst" }).click();
  await removeQuestion.getByRole("button", { name: "Haal geselecteerde van de dienst" }).click();
  await expect(onShift.getByRole("status")).toContainText("1 persoon van de dienst gehaald");
  await expect(page.getByRole("heading", { name: "Op deze dienst (1 van 2)" })).toBeVisible();
  await expect.poll(async () => (await recentMails(page, "shift-removed", since)).filter((mail) => mail.text.includes(activity)).length, { timeout: 15_000 }).toBe(1);
  const [removal] = (await recentMails(page, "shift-removed", since)).filter((mail) => mail.text.includes(activity));
  expect(name.startsWith(removal.toName ?? "?")).toBe(true);
  const addressed = await page.request.get(`/dev/mail.json?to=${encodeURIComponent(removal.to)}`);
  expect(((await addressed.json()) as MailboxMessage[]).some((mail) => mail.template === "shift-removed" && mail.text.includes(activity))).toBe(true);

  // Cancel the shift: the one still on it is told.
  await page.getByRole("button", { name: "Dienst afgelasten" }).click();
  await page.getByRole("dialog", { name: /Weet je zeker dat je wilt afgelasten/ }).getByRole("button", { name: "Dienst afgelasten" }).click();
  await expect(page.getByText("Deze dienst is afgelast.", { exact: true })).toBeVisible();
  await expect.poll(async () => (await recentMails(page, "shift-cancelled", since)).filter((mail) => mail.text.includes(activity)).length, { timeout: 15_000 }).toBe(1);

  // Back in the week, the shift shows as cancelled.
  await page.getByRole("link", { name: /Terug naar het rooster/ }).click();
  const row = page.getByRole("row").filter({ hasText: activity });
  await expect(row.getByText("afgelast")).toBeVisible();
});
