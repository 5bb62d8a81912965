// A member on a phone hands a shift over to two colleagues; the second one asked accepts from the
// email; the first one's email button then shows that the shift was already taken over; the shift
// is gone from the requester's Mijn pagina. Uses Inès de Wit (her own address, no password: she signs
// in through a login email), whom no other journey uses, and whichever colleagues the form offers.
// It hands over a shift she has, else takes an open place first, so the journey can run again on the
// same database. The taker cannot sign off a shift taken over (only their own sign-ups), not even on
// the day they took it; their shift page offers a handover instead.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { mailboxQuery, signInPathOf, type MailboxMessage } from "./support/mailbox";
import { newPhone } from "./support/phone";
import { signInByLoginEmail } from "./support/sign-in";
import { comingShiftOf } from "./support/shifts";

const requester = { firstName: "Inès", email: "ines.dewit@example.org" };


function mailbox(page: Page, query: string): Promise<MailboxMessage[]> {
  return mailboxQuery(page, query);
}


/** Someone else's phone: a fresh browser with no cookies, the same screen as the phone project. */
function otherPhone(browser: Browser, page: Page): Promise<BrowserContext> {
  return newPhone(browser, new URL(page.url()).origin);
}



test("a member hands a shift over to two colleagues; the second accepts from the email, the first then sees it was taken", async ({ page, browser }) => {
  // Three people, a dozen page loads and five emails: more than the default on a cold development server.
  test.setTimeout(120_000);
  await signInByLoginEmail(page, requester);

  // A coming shift of hers to hand over: one she has, else an open place she takes next week or the
  // week after (each run hands one over, so a rerun may find her roster emptier).
  const { shiftPath, activity } = await comingShiftOf(page);

  // Hand it over from Mijn pagina to the first two colleagues the form offers, with a message.
  await expect(page.getByRole("heading", { level: 1, name: "Mijn pagina" })).toBeVisible();
  const coming = page.getByRole("region", { name: "Mijn komende diensten" });
  await expect(coming.locator(`a[href="${shiftPath}/handover"]`)).toHaveAccessibleName(`${activity} overdragen`);
  // The big green button opens the list of her coming shifts to choose from.
  await page.getByRole("link", { name: "Dienst overdragen", exact: true }).tap();
  await expect(page).toHaveURL(/\/my\/handover$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dienst overdragen" })).toBeVisible();
  const choices = page.getByRole("list", { name: "Mijn komende diensten" });
  await expect(choices.locator(`a[href="${shiftPath}/handover"]`)).toContainText(activity);
  await choices.locator(`a[href="${shiftPath}/handover"]`).tap();
  await expect(page).toHaveURL(new RegExp(`${shiftPath}/handover$`));
  await expect(page.getByRole("heading", { level: 1, name: "Dienst overdragen" })).toBeVisible();
  const colleagues = page.getByRole("group", { name: "Of kies collega's" }).getByRole("checkbox");
  expect(await colleagues.count()).toBeGreaterThanOrEqual(2);
  const since = new Date(Date.now() - 2_000);
  await colleagues.nth(0).check();
  await colleagues.nth(1).check();
  await expect(page.getByText("2 collega's gekozen")).toBeVisible();
  await page.getByLabel(/Bericht/).fill("Ik moet die dag onverwacht werken.");
  await page.getByRole("button", { name: "Vraag om over te nemen" }).tap();
  await expect(page).toHaveURL(/\/my\/handover\/[0-9a-f-]{36}\?done=requested$/);
  await expect(page.getByRole("status")).toContainText("Je vraag is verstuurd");
  const requestPath = new URL(page.url()).pathname;

  // Each colleague got an email whose button signs them in on the request's page.
  const asked = async () =>
    (await mailbox(page, "limit=100")).filter((mail) => mail.template === "handover-request" && new Date(mail.createdAt) >= since);
  await expect.poll(async () => (await asked()).length, { timeout: 15_000 }).toBe(2);
  const [mailB, mailC] = (await asked()).sort((x, y) => x.createdAt.localeCompare(y.createdAt));
  expect(mailC.text).toContain("Ik moet die dag onverwacht werken.");

  // C opens the email button on their own phone and takes the shift over.
  const phoneC = await otherPhone(browser, page);
  const pageC = await phoneC.newPage();
  await pageC.goto(signInPathOf(mailC));
  await expect(pageC).toHaveURL(new RegExp(`${requestPath}$`));
  await expect(pageC.getByRole("heading", { level: 1, name: "Dienst overnemen" })).toBeVisible();
  await expect(pageC.getByText("Ik moet die dag onverwacht werken.")).toBeVisible();
  await pageC.getByRole("button", { name: "Dienst overnemen" }).tap();
  await expect(pageC.getByRole("status")).toHaveText(/De dienst is nu van jou/);

  // B opens their button afterwards: the page says someone else was first, and offers no button.
  const phoneB = await otherPhone(browser, page);
  const pageB = await phoneB.newPage();
  await pageB.goto(signInPathOf(mailB));
  await expect(pageB).toHaveURL(new RegExp(`${requestPath}$`));
  await expect(pageB.getByRole("status")).toContainText("al overgenomen");
  await expect(pageB.getByRole("button", { name: "Dienst overnemen" })).toHaveCount(0);
  await phoneB.close();

  // A's Mijn pagina no longer holds the shift, and the request page names who took it.
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Mijn pagina" }).tap();
  await expect(page.getByRole("heading", { level: 1, name: "Mijn pagina" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Mijn komende diensten" }).locator(`a[href="${shiftPath}"]`)).toHaveCount(0);
  await page.goto(requestPath);
  await expect(page.getByRole("status")).toContainText("heeft de dienst van je overgenomen");
  // Mail goes out over SMTP just after the change commits: wait for it rather than race it.
  const confirmed = async () =>
    (await mailbox(page, `to=${encodeURIComponent(requester.email)}`)).some(
      (mail) => mail.template === "handover-accepted-requester" && new Date(mail.createdAt) >= since,
    );
  await expect.poll(confirmed, { timeout: 15_000 }).toBe(true);

  // C took it over, so C cannot simply sign off, not even today: the shift page offers a handover instead.
  await pageC.goto(shiftPath);
  await expect(pageC.getByText("Je hebt deze dienst van een collega overgenomen, dus uitschrijven kan niet.", { exact: false })).toBeVisible();
  await expect(pageC.getByRole("button", { name: "Uitschrijven" })).toHaveCount(0);
  await expect(pageC.getByRole("link", { name: "Overdragen" })).toHaveAttribute("href", `${shiftPath}/handover`);
  await phoneC.close();
});
