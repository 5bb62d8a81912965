// Email texts worded by the employer, at a laptop: the demo admin rewords the handover request, sees
// it in the live preview, sends a test to herself (read from the mailbox), and the next real handover
// request a member sends from her phone carries the new words; the admin then finds that mail in the
// delivery log on the colleague's member page. The member is demo.lid, who hands over a coming shift
// (taking an open place first when she has none).
import { expect, test } from "@playwright/test";
import { allMail, mailTo } from "../support/mailbox";
import { signInWithPassword } from "../support/sign-in";
import { comingShiftOf } from "../support/shifts";

test("an admin rewords the handover request, previews and tests it, and the next real request carries it into the colleague's delivery log", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const marker = `Groeten van de Tuinploeg ${Date.now().toString(36)}.`;

  await signInWithPassword(page, "demo.beheerder", "Ploeg-demo-2026!");
  await expect(page).toHaveURL(/\/my$/);

  // Reword the Dutch handover request: the preview follows the typing.
  await page.goto("/dashboard/settings/emails/handover-request?taal=nl");
  const body = page.getByLabel("Tekst", { exact: true });
  const current = await body.inputValue();
  expect(current).toContain("{dienst}");
  await body.fill(`${current}\n\n${marker}`);
  await expect(page.frameLocator('iframe[title="Voorbeeld van de e-mail"]').first().getByText(marker)).toBeVisible();
  await page.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(page.getByText("De tekst is opgeslagen. Nieuwe e-mails gebruiken hem meteen.")).toBeVisible();

  // A test to herself, read from the mailbox.
  const testSince = new Date(Date.now() - 2_000);
  await page.getByRole("button", { name: "Stuur een test naar mezelf" }).click();
  const sent = page.getByText(/De testmail staat klaar voor je eigen e-mailadres \((.+)\)\./);
  await expect(sent).toBeVisible();
  const address = /\((.+)\)\.$/.exec((await sent.textContent()) ?? "")?.[1];
  if (!address) throw new Error("the page does not name the test address");
  const tests = async () => (await mailTo(page, address)).filter((mail) => mail.template === "handover-request" && new Date(mail.createdAt) >= testSince);
  await expect.poll(async () => (await tests()).length, { timeout: 15_000 }).toBeGreaterThan(0);
  const [testMail] = await tests();
  expect(testMail.subject).toMatch(/^\[Test\]/);
  expect(testMail.text).toContain(marker);

  // A member on her phone asks two colleagues to take over a shift.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const member = await phone.newPage();
  await signInWithPassword(member, "demo.lid", "Ploeg-demo-2026!", "tap");
  await expect(member).toHaveURL(/\/my$/);
  const { shiftPath } = await comingShiftOf(member);
  await member.goto(`${shiftPath}/handover`);
  const colleagues = member.getByRole("group", { name: "Of kies collega's" }).getByRole("checkbox");
  expect(await colleagues.count()).toBeGreaterThanOrEqual(1);
  const since = new Date(Date.now() - 2_000);
  await colleagues.nth(0).check();
  await member.getByRole("button", { name: "Vraag om over te nemen" }).tap();
  await expect(member.getByRole("status")).toContainText("Je vraag is verstuurd");
  await phone.close();

  const asked = async () => (await allMail(page)).filter((mail) => mail.template === "handover-request" && !mail.subject.startsWith("[Test]") && new Date(mail.createdAt) >= since);
  await expect.poll(async () => (await asked()).length, { timeout: 15_000 }).toBe(1);
  const [request] = await asked();
  expect(request.text).toContain(marker);

  // The admin finds that mail in the organisation's delivery log, and from there on the colleague's
  // member page, with the same subject.
  await page.goto("/dashboard/mail");
  const row = page.getByRole("row").filter({ hasText: request.to }).filter({ hasText: request.subject }).first();
  await expect(row).toBeVisible();
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/dashboard\/people\/[0-9a-f-]{36}$/);
  await expect(page.getByText(request.subject).first()).toBeVisible();
});
