// A coordinator blocks a member who is signed in on her own device: her very next page load is refused
// with a page naming the organisation that blocked her, and she gets the blocked-access email; unblocking lets her back in through the new email's button.
// Uses Anouk Visser of the demo, a plain member no other journey uses (not demo.lid, not the
// Jansen or Bakker / van den Berg households).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInPathOf, type MailboxMessage } from "../support/mailbox";
import { signInWithPassword } from "../support/sign-in";

const member = { name: "Anouk Visser", email: "anouk.visser@example.org", firstName: "Anouk" };


async function mailsFor(page: Page, template: string, since: Date): Promise<MailboxMessage[]> {
  const response = await page.request.get(`/dev/mail.json?to=${encodeURIComponent(member.email)}`);
  expect(response.ok()).toBe(true);
  const messages = (await response.json()) as MailboxMessage[];
  return messages.filter((message) => message.template === template && new Date(message.createdAt) >= since);
}

/** The newest mail of a template, waited for: mail is written with the change, but the page may answer first. */
async function newestMail(page: Page, template: string, since: Date): Promise<MailboxMessage> {
  await expect.poll(async () => (await mailsFor(page, template, since)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  return (await mailsFor(page, template, since))[0];
}


/** The member asks for her login on her own device and signs in with the email's button. */
async function memberSignsInByLink(browser: Browser, since: Date): Promise<{ page: Page; linkPath: string }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto("/sign-in/request");
  await page.getByLabel("E-mailadres").fill(member.email);
  await page.getByRole("button", { name: "Stuur mij een e-mail" }).tap();
  await expect(page.getByRole("status")).toContainText("Kijk in je mailbox");
  const linkPath = signInPathOf(await newestMail(page, "login-request", since));
  await page.goto(linkPath);
  await expect(page).toHaveURL(/\/my$/);
  await expect(page.getByText(`Hallo ${member.firstName}`)).toBeVisible();
  return { page, linkPath };
}

async function findMember(page: Page): Promise<void> {
  await page.getByLabel("Naam of gebruikersnaam").fill(member.name);
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page.getByRole("caption")).toContainText("1 persoon");
  await expect(page.getByRole("rowheader", { name: new RegExp(member.name) })).toBeVisible();
}

async function rowAction(page: Page, action: string): Promise<void> {
  await page.getByRole("button", { name: `Acties voor ${member.name}` }).click();
  await page.getByRole("button", { name: action, exact: true }).last().click();
}

test("a coordinator blocks a signed-in member, who is refused on her next click and told by email, then unblocks her", async ({ page, browser }) => {
  // Two people on two devices and four emails: longer than one short journey.
  test.slow();
  const since = new Date(Date.now() - 5_000);
  const memberSide = await memberSignsInByLink(browser, since);

  // The coordinator signs in the way a person does.
  await signInWithPassword(page, "demo.coordinator", "Ploeg-demo-2026!");
  await expect(page).toHaveURL(/\/my(\?|$)/);
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Personen & logins" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Personen & logins" })).toBeVisible();

  await findMember(page);
  await rowAction(page, "Blokkeren");
  // Nothing happens before the confirmation, which names how many people are affected.
  const dialog = page.getByRole("dialog", { name: "1 persoon blokkeren?" });
  await expect(dialog).toContainText(`Het gaat om: ${member.name}.`);
  await dialog.getByRole("button", { name: "1 persoon blokkeren" }).click();
  await expect(page.getByRole("status")).toContainText("1 persoon geblokkeerd. 1 e-mail verstuurd.");
  await expect(page.getByRole("row", { name: new RegExp(member.name) })).toContainText("Geblokkeerd");
  // The table is kept in the page cache: the block shows on a fresh load of the page too.
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(member.name) })).toContainText("Geblokkeerd");

  // Her open session is refused on the very next request and she is told who blocked her access; the
  // refused cookie is gone, and the link she used leads to the same page instead of signing in.
  await memberSide.page.reload();
  await expect(memberSide.page).toHaveURL(/\/sign-in\/blocked\?o=/);
  await expect(memberSide.page.getByRole("heading", { level: 1, name: "Toegang geblokkeerd" })).toBeVisible();
  await expect(memberSide.page.getByText("Stichting Samen Sterk heeft je toegang tot Ploeg geblokkeerd")).toBeVisible();
  await expect(memberSide.page.getByRole("link", { name: "coordinatie@samensterk.example.org" })).toHaveAttribute("href", "mailto:coordinatie@samensterk.example.org");
  const cookies = await memberSide.page.context().cookies();
  expect(cookies.filter((cookie) => cookie.name.endsWith("authjs.session-token"))).toEqual([]);
  await memberSide.page.goto(memberSide.linkPath);
  await expect(memberSide.page).toHaveURL(/\/sign-in\/blocked\?o=/);
  await expect(memberSide.page.getByRole("heading", { level: 1, name: "Toegang geblokkeerd" })).toBeVisible();
  const notice = await newestMail(page, "access-blocked", since);
  expect(notice.subject).toContain("geblokkeerd");

  await rowAction(page, "Deblokkeren");
  const unblock = page.getByRole("dialog", { name: "1 persoon deblokkeren?" });
  await unblock.getByRole("button", { name: "1 persoon deblokkeren" }).click();
  await expect(page.getByRole("status")).toContainText("1 persoon gedeblokkeerd.");
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(member.name) })).not.toContainText("Geblokkeerd");

  // The new email's button signs her in again.
  const welcomeBack = await newestMail(page, "access-unblocked", since);
  await memberSide.page.goto(signInPathOf(welcomeBack));
  await expect(memberSide.page).toHaveURL(/\/my$/);
  await expect(memberSide.page.getByText(`Hallo ${member.firstName}`)).toBeVisible();

  // Both changes are in the audit log, by the coordinator, concerning her.
  await page.getByRole("link", { name: "Auditlog" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Auditlog" })).toBeVisible();
  const rows = page.getByRole("row").filter({ hasText: member.name });
  await expect(rows.filter({ hasText: "Gedeblokkeerd" }).first()).toContainText("Femke van der Meer");
  await expect(rows.filter({ hasText: "Toegang geblokkeerd" }).first()).toBeVisible();
  await memberSide.page.context().close();
});
