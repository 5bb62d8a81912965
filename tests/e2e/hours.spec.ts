// The weekly hours sign-off from start to finish. The admin makes the deadline generous (Sunday 23:59
// of the week after, reminder a week before), so last week can be confirmed whenever the journey runs;
// the scheduler's reminder job runs; demo.lid opens the reminder's button on her phone and confirms
// last week; the coordinator, at a laptop, sends the week back with a comment; she gets that email,
// reads the comment on the week and confirms again; the coordinator approves it and exports the week
// to Excel, and the file holds her lines and the week's total she saw. The admin then puts the
// deadline back to the default (Monday 09:00, reminder 24 hours before). It needs a freshly seeded
// database, as the e2e stage makes: a member gets one reminder per week, and an approved week stays so.
import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { readXlsxRows } from "@/tests/setup/xlsx";
import { mailTo, signInPathOf, type MailboxMessage } from "./support/mailbox";
import { signInWithPassword } from "./support/sign-in";

const member = { name: "Sanne de Vries", firstName: "Sanne", email: "sanne.devries@example.org" };
const password = "Ploeg-demo-2026!";
// The e2e stage passes the server's secret; `npm run dev` uses its development secret.
const cronSecret = process.env.E2E_CRON_SECRET ?? "development-cron-secret";

// ── The calendar as a person in Amsterdam reads it ───────────────────────────────────────────────

const zone = "Europe/Amsterdam";

/** The calendar day, ISO weekday (1 = Monday) and minutes past midnight of `instant` in Amsterdam. */
function amsterdamClock(instant: Date): { day: string; weekday: number; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday) + 1;
  return { day: `${parts.year}-${parts.month}-${parts.day}`, weekday, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * With the journey's deadline (Sunday 23:59 of the week after) last week stays open all this week.
 * Reminding and the first confirmation must happen before it closes: this close to the deadline, the
 * journey waits until Monday, when the week that has just ended is the one due.
 */
const closingMargin = 5;

/** How long to wait before starting, in milliseconds: zero except in the last minutes before Sunday 23:59. */
function waitBeforeStart(now: Date): number {
  const clock = amsterdamClock(now);
  const deadline = 23 * 60 + 59;
  if (clock.weekday !== 7 || clock.minutes < deadline - closingMargin) return 0;
  // Into Monday with a few seconds to spare (the clock above is read to the minute).
  return (24 * 60 - clock.minutes) * 60_000 + 5_000;
}

/** Last week's Monday (YYYY-MM-DD) in Amsterdam: the week whose hours are due now. */
function lastWeekStart(now: Date): string {
  const clock = amsterdamClock(now);
  return addDays(clock.day, -(clock.weekday - 1) - 7);
}

// ── Steps ────────────────────────────────────────────────────────────────────────────────────────

/** A laptop beside the member's phone: a fresh browser at a desktop size. */
async function laptop(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false, locale: "nl-NL", timezoneId: zone });
  return context.newPage();
}

/** The admin's organisation settings: the hours deadline (a weekday's Dutch name and a time) and the reminder. */
async function setHoursDeadline(admin: Page, weekday: string, time: string, reminderHours: number): Promise<void> {
  await admin.goto("/dashboard/settings/organisation");
  const hours = admin.getByRole("group", { name: "Uren aftekenen" });
  await hours.getByLabel("Dag", { exact: true }).selectOption({ label: weekday });
  await hours.getByLabel("Tijd", { exact: true }).fill(time);
  await hours.getByLabel("Herinnering, aantal uur vóór de deadline").fill(String(reminderHours));
  await admin.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(admin.getByText(/^(De instellingen zijn opgeslagen\.|Er was niets gewijzigd\.)$/)).toBeVisible();
  // What was saved is what the page shows when opened again.
  await admin.reload();
  await expect(hours.getByLabel("Dag", { exact: true }).locator("option:checked")).toHaveText(weekday);
  await expect(hours.getByLabel("Tijd", { exact: true })).toHaveValue(time);
  await expect(hours.getByLabel("Herinnering, aantal uur vóór de deadline")).toHaveValue(String(reminderHours));
}

/** The newest mail of `template` to the member sent since `since`, once it has arrived. */
async function newMail(page: Page, template: string, since: Date): Promise<MailboxMessage> {
  const fresh = async () => (await mailTo(page, member.email)).filter((mail) => mail.template === template && new Date(mail.createdAt) >= since);
  await expect.poll(async () => (await fresh()).length, { timeout: 15_000, message: `a ${template} mail to ${member.email}` }).toBeGreaterThan(0);
  return (await fresh())[0];
}

/** "5:30 uur" → 330. */
function minutesOf(text: string): number {
  const match = /(\d+):(\d{2}) uur/.exec(text);
  if (!match) throw new Error(`no hours in "${text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

test("a member confirms last week's hours from the reminder, confirms again after the coordinator sends them back, and the approved week is in the export", async ({ page, browser, baseURL, request }) => {
  const wait = waitBeforeStart(new Date());
  test.setTimeout(240_000 + wait);
  if (wait > 0) await page.waitForTimeout(wait);
  const weekStart = lastWeekStart(new Date());
  const weekPath = `/my/hours/${weekStart}`;

  // The admin gives members until Sunday 23:59 of the week after, and reminds them a week before.
  const admin = await laptop(browser, baseURL);
  await signInWithPassword(admin, "demo.beheerder", password);
  await expect(admin).toHaveURL(/\/my$/);
  await setHoursDeadline(admin, "zondag", "23:59", 168);

  // The scheduler's hourly call: last week's reminder is due now.
  const since = new Date(Date.now() - 2_000);
  const run = await request.post("/api/cron/hours-reminders", { headers: { Authorization: `Bearer ${cronSecret}` } });
  expect(run.status()).toBe(200);
  expect(((await run.json()) as { reminded: number }).reminded).toBeGreaterThan(0);
  const reminder = await newMail(page, "hours-reminder", since);

  // Her phone: the reminder's button signs her in on last week's page.
  await page.goto(signInPathOf(reminder));
  await expect(page).toHaveURL(new RegExp(`${weekPath}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Ondertekenen" })).toBeVisible();
  const weekLabel = page.getByText(/^Week \d+ · /);
  const weekNumber = /^Week (\d+)/.exec((await weekLabel.textContent()) ?? "")?.[1];
  expect(reminder.subject).toMatch(new RegExp(`^Wil je je uren van week ${weekNumber} \\(.+\\) bevestigen\\?$`));
  expect(reminder.text).toContain(`Hoi ${member.firstName}`);
  expect(reminder.text).toMatch(/Dat kan tot zondag .+ 23:59\./);
  const total = minutesOf((await page.getByRole("region", { name: "Totaal deze week" }).textContent()) ?? "");
  expect(total).toBeGreaterThan(0);
  await expect(page.getByRole("region", { name: "Alle regels" }).getByRole("listitem").first()).toBeVisible();
  await expect(page.getByText(/^Bevestigen kan tot zondag .*23:59\.$/)).toBeVisible();
  await page.getByRole("button", { name: "Bevestig", exact: true }).tap();
  await expect(page).toHaveURL(new RegExp(`${weekPath}\\?done=confirmed$`));
  await expect(page.getByText(/^Bevestigd op /)).toBeVisible();
  await expect(page.getByRole("button", { name: "Bevestig", exact: true })).toHaveCount(0);

  // The coordinator finds her confirmed week, with the same total, and sends it back with a comment.
  const coordinator = await laptop(browser, baseURL);
  await signInWithPassword(coordinator, "demo.coordinator", password);
  await expect(coordinator).toHaveURL(/\/my$/);
  await coordinator.goto(`/dashboard/hours?week=${weekStart}`);
  await expect(coordinator.getByRole("heading", { level: 1, name: "Uren" })).toBeVisible();
  await expect(coordinator.getByRole("heading", { level: 2, name: new RegExp(`^Week ${weekNumber} · `) })).toBeVisible();
  // The list shows 15 people a page; the coordinator looks her up by name.
  await coordinator.getByLabel("Zoek op naam").fill("sanne de vries");
  await coordinator.getByRole("button", { name: "Zoeken", exact: true }).click();
  await expect(coordinator.getByText(/^1 persoon met uren of een status in deze week en „sanne de vries” in de naam$/)).toBeVisible();
  const row = coordinator.getByRole("row").filter({ has: coordinator.getByRole("rowheader", { name: member.name }) });
  await expect(row.getByRole("cell").filter({ hasText: "Wacht op goedkeuring" })).toBeVisible();
  expect(minutesOf((await row.getByRole("cell").filter({ hasText: /^\d+:\d{2} uur$/ }).textContent()) ?? "")).toBe(total);
  const comment = `Donderdag was je er tot vier uur, niet tot half vijf. Pas je dat aan? (${Date.now().toString(36)})`;
  const sentBackSince = new Date(Date.now() - 2_000);
  await row.getByRole("button", { name: "Terugsturen" }).click();
  const sendBack = coordinator.getByRole("dialog", { name: `Uren terugsturen naar ${member.name}` });
  await sendBack.getByLabel("Opmerking").fill(comment);
  await sendBack.getByRole("button", { name: "Terugsturen" }).click();
  await expect(coordinator.getByText(`De week is teruggestuurd naar ${member.name}.`)).toBeVisible();
  await expect(row).toContainText(`Teruggestuurd: ${comment}`);
  await expect(row.getByRole("cell").filter({ hasText: "Te bevestigen" })).toBeVisible();

  // Her Mijn pagina lists the week again, sent back; the email carries the comment and its button
  // opens the week, which shows the comment and lets her confirm again.
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Mijn pagina" }).tap();
  const toConfirm = page.getByRole("region", { name: "Uren bevestigen" }).locator(`a[href="${weekPath}"]`);
  await expect(toConfirm).toContainText(`Week ${weekNumber}`);
  await expect(toConfirm).toContainText("Teruggestuurd");
  const sentBack = await newMail(page, "hours-sent-back", sentBackSince);
  expect(sentBack.subject).toContain(`Je uren van week ${weekNumber} `);
  expect(sentBack.text).toContain(comment);
  await page.goto(signInPathOf(sentBack));
  await expect(page).toHaveURL(new RegExp(`${weekPath}$`));
  await expect(page.getByText("Je coördinator heeft deze week teruggestuurd:")).toBeVisible();
  await expect(page.getByText(comment)).toBeVisible();
  await page.getByRole("button", { name: "Bevestig", exact: true }).tap();
  await expect(page.getByText(/^Bevestigd op /)).toBeVisible();
  await expect(page.getByText(comment)).toHaveCount(0);

  // The coordinator sees it waiting again, selects her and approves after the confirmation dialog.
  await coordinator.reload();
  await expect(row.getByRole("cell").filter({ hasText: "Wacht op goedkeuring" })).toBeVisible();
  await coordinator.getByRole("checkbox", { name: member.name, exact: true }).check();
  await expect(coordinator.getByText("1 geselecteerd")).toBeVisible();
  await coordinator.getByRole("button", { name: "Goedkeuren", exact: true }).click();
  const approving = coordinator.getByRole("dialog", { name: "Uren goedkeuren" });
  await expect(approving).toContainText("De week van 1 persoon goedkeuren?");
  await expect(approving).toContainText(member.name);
  await approving.getByRole("button", { name: "Goedkeuren", exact: true }).click();
  await expect(coordinator.getByText("1 week goedgekeurd.")).toBeVisible();
  await expect(row.getByRole("cell").filter({ hasText: "Goedgekeurd" })).toBeVisible();
  await expect(row.getByRole("button", { name: "Terugsturen" })).toHaveCount(0);

  // On her phone the week is now approved and fixed.
  await page.reload();
  await expect(page.getByText(/^Goedgekeurd op /)).toBeVisible();

  // The coordinator exports the week per member to Excel; the file holds her lines, adding up to her total.
  const exporting = coordinator.getByRole("region", { name: "Exporteren" });
  await exporting.getByRole("radio", { name: "Een week" }).check();
  await exporting.getByLabel("Week", { exact: true }).selectOption(weekStart);
  await exporting.getByLabel("Indeling").selectOption({ label: "Per lid: elke dienst op een eigen regel" });
  await exporting.getByLabel("Bestand").selectOption({ label: "Excel (.xlsx)" });
  const [download] = await Promise.all([coordinator.waitForEvent("download"), exporting.getByRole("button", { name: "Exporteren" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^uren-\\d{4}-week-${weekNumber}\\.xlsx$`));
  await expect(exporting.getByText("Het bestand is gedownload.")).toBeVisible();
  const [header, ...lines] = await readXlsxRows(await readFile(await download.path()));
  expect(header).toEqual(["Lid", "Week", "Datum", "Activiteit", "Locatie", "Begin", "Einde", "Pauze (min)", "Uren"]);
  const hers = lines.filter((cells) => cells[0] === member.name);
  expect(hers.length).toBeGreaterThan(0);
  for (const cells of hers) {
    expect(cells[1]).toBe(weekNumber);
    expect(cells[2] >= weekStart && cells[2] <= addDays(weekStart, 6), `${cells[2]} in the week of ${weekStart}`).toBe(true);
  }
  const exportedHours = hers.reduce((sum, cells) => sum + Number(cells[8]), 0);
  expect(exportedHours).toBeCloseTo(total / 60, 2);

  // The default deadline again, for whatever runs next on this database.
  await setHoursDeadline(admin, "maandag", "09:00", 24);
  await admin.context().close();
  await coordinator.context().close();
});
