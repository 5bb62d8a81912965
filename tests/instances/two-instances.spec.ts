// Two `npm start` servers, A and B, on one PostgreSQL database, each with its own in-memory page
// cache whose entries go stale through tag expirations kept in that database. A change made through
// one server must show on the other's very next request: each journey first has the other server
// render the pages (twice, so they are cached), checks the old state there, makes the change on one
// server and then loads each page once on the other. A page is loaded once per check and never
// reloaded, so what a check sees is that one request's answer.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { addDays } from "date-fns";
import { addDaysToKey, weekStartOf } from "@/lib/hours/rules";
import { weekKeyOf } from "@/lib/roster/rules";
import { signInPathOf } from "../e2e/support/mailbox";
import { instanceA, instanceB, mailbox, markedAsMine, newPhone, sanneOnAColleagueOnB, signInDemoMember } from "./support/instances";

const timeZone = "Europe/Amsterdam";

/** Loads `url` (twice when `warm`, so the server has it cached) and answers with the page as loaded. */
async function load(page: Page, url: string, options: { warm?: boolean } = {}): Promise<Page> {
  if (options.warm) {
    const first = await page.goto(url);
    expect(first?.status(), url).toBe(200);
  }
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  expect(new URL(page.url()).pathname, `${url} answered from elsewhere`).toBe(new URL(url, "http://x").pathname);
  // A page that failed while rendering still answers 200 and then shows the error page.
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.locator("h1").first(), `${url} failed on the server: see its log`).not.toHaveText("Er ging iets mis");
  return page;
}

type Card = { href: string; text: string };

/** The shift cards of a roster page: each shift's link and what its card says. */
async function shiftCards(page: Page): Promise<Card[]> {
  const cards = page.locator('main a[href^="/my/shifts/"]');
  return cards.evaluateAll((links) => links.map((link) => ({ href: link.getAttribute("href") ?? "", text: link.textContent ?? "" })));
}

function filledOf(text: string): { filled: number; needed: number } {
  const match = /(\d+) van (\d+) ingevuld/.exec(text);
  if (!match) throw new Error(`no "X van Y ingevuld" on the card: ${text}`);
  return { filled: Number(match[1]), needed: Number(match[2]) };
}

function placesLeftOf(text: string): number {
  const match = /Nog (\d+) plek(?:ken)? vrij/.exec(text);
  if (!match) throw new Error(`no "Nog X plek(ken) vrij" on the card: ${text}`);
  return Number(match[1]);
}

const coming = (page: Page): Locator => page.getByRole("region", { name: "Mijn komende diensten" });

test("a sign-up on instance A shows on instance B's very next request: the week, the open shifts, the shift and Mijn pagina", async ({ browser }) => {
  test.setTimeout(150_000);
  const { A, B, sanne, other } = await sanneOnAColleagueOnB(browser);

  // An open place next week (or the week after, or later this week) that both Sanne and the colleague
  // could take; preferably the last place of its shift, so it leaves the colleague's open shifts.
  const now = new Date();
  let chosen: { week: string; href: string; leftBefore: number } | undefined;
  for (const days of [7, 14, 0]) {
    const week = weekKeyOf(addDays(now, days), timeZone);
    const hers = await shiftCards(await load(sanne, `${B}/my/shifts?view=open&week=${week}`));
    const theirs = new Map((await shiftCards(await load(other, `${B}/my/shifts?view=open&week=${week}`))).map((card) => [card.href, card.text]));
    const both = hers.filter((card) => theirs.has(card.href));
    const pick = both.find((card) => placesLeftOf(card.text) === 1) ?? both[0];
    if (pick) {
      chosen = { week, href: pick.href, leftBefore: placesLeftOf(pick.text) };
      break;
    }
  }
  if (!chosen) throw new Error("no open place that both Sanne and her colleague could take in the coming weeks");
  const { week, href: shiftPath, leftBefore } = chosen;
  const allShifts = `${B}/my/shifts?week=${week}`;
  const openShifts = `${B}/my/shifts?view=open&week=${week}`;

  // B renders every page the change touches, for both members, and caches it: the old state.
  await load(sanne, allShifts, { warm: true });
  const before = filledOf((await shiftCards(sanne)).find((card) => card.href === shiftPath)?.text ?? "");
  expect(before.needed - before.filled).toBe(leftBefore);
  expect(await markedAsMine(sanne.locator(`main a[href="${shiftPath}"]`)), "her card before she signs up").toBe(false);
  await load(sanne, openShifts, { warm: true });
  await expect(sanne.locator(`main a[href="${shiftPath}"]`)).toHaveCount(1);
  await load(other, openShifts, { warm: true });
  await expect(other.locator(`main a[href="${shiftPath}"]`)).toContainText(`${leftBefore === 1 ? "Nog 1 plek vrij" : `Nog ${leftBefore} plekken vrij`}`);
  await load(other, `${B}/my/shifts?week=${week}`, { warm: true });
  await load(sanne, `${B}/my`, { warm: true });
  await expect(coming(sanne)).toBeVisible();
  await expect(coming(sanne).locator(`a[href="${shiftPath}"]`)).toHaveCount(0);
  await load(sanne, `${B}${shiftPath}`, { warm: true });
  await expect(sanne.getByRole("button", { name: "Inschrijven" })).toBeVisible();

  // The change, on A.
  await load(sanne, `${A}${shiftPath}`);
  await sanne.getByRole("button", { name: "Inschrijven" }).tap();
  await expect(sanne.getByRole("status")).toHaveText("Je bent ingeschreven. Tot dan!");

  // B's very next request of each page shows it.
  await load(sanne, allShifts);
  const hersNow = sanne.locator(`main a[href="${shiftPath}"]`);
  await expect(hersNow).toContainText(`${before.filled + 1} van ${before.needed} ingevuld`);
  expect(await markedAsMine(hersNow), "her card after she signed up").toBe(true);
  await load(other, `${B}/my/shifts?week=${week}`);
  await expect(other.locator(`main a[href="${shiftPath}"]`)).toContainText(`${before.filled + 1} van ${before.needed} ingevuld`);
  expect(await markedAsMine(other.locator(`main a[href="${shiftPath}"]`)), "the card as her colleague sees it").toBe(false);
  await load(sanne, openShifts);
  await expect(sanne.locator(`main a[href="${shiftPath}"]`)).toHaveCount(0);
  await load(other, openShifts);
  if (leftBefore === 1) {
    await expect(other.locator(`main a[href="${shiftPath}"]`)).toHaveCount(0);
  } else {
    await expect(other.locator(`main a[href="${shiftPath}"]`)).toContainText(leftBefore - 1 === 1 ? "Nog 1 plek vrij" : `Nog ${leftBefore - 1} plekken vrij`);
  }
  await load(sanne, `${B}/my`);
  await expect(coming(sanne).locator(`a[href="${shiftPath}"]`)).toHaveCount(1);
  await load(sanne, `${B}${shiftPath}`);
  await expect(sanne.getByText("Je staat op deze dienst.")).toBeVisible();
  await expect(sanne.getByText("Sanne de Vries (jij)")).toBeVisible();
});

test("a handover accepted on instance B shows on instance A's very next request: Mijn pagina and the handover list of both members", async ({ browser }) => {
  test.setTimeout(150_000);
  const A = instanceA();
  const B = instanceB();
  const sanne = await (await newPhone(browser, A)).newPage();
  await signInDemoMember(sanne);

  // A coming shift of hers that she has not asked anyone to take yet (the demo gives her a few).
  await load(sanne, `${A}/my`);
  const handOver = coming(sanne).locator('a[href$="/handover"]');
  await expect(handOver.first()).toBeVisible();
  const shiftPath = ((await handOver.first().getAttribute("href")) ?? "").replace(/\/handover$/, "");

  // She asks the first colleague the form offers, on A.
  const since = new Date(Date.now() - 2_000);
  await load(sanne, `${A}${shiftPath}/handover`);
  await sanne.getByRole("group", { name: "Of kies collega's" }).getByRole("checkbox").first().check();
  await sanne.getByLabel(/Bericht/).fill("Kun jij deze van me overnemen?");
  await sanne.getByRole("button", { name: "Vraag om over te nemen" }).tap();
  await expect(sanne).toHaveURL(/\/my\/handover\/[0-9a-f-]{36}\?done=requested$/);
  const requestPath = new URL(sanne.url()).pathname;
  const asked = async () => (await mailbox(sanne, "limit=100")).filter((mail) => mail.template === "handover-request" && new Date(mail.createdAt) >= since);
  await expect.poll(async () => (await asked()).length, { timeout: 15_000 }).toBe(1);
  const [request] = await asked();

  // A renders and caches the requester's pages with the open request.
  await load(sanne, `${A}/my`, { warm: true });
  const handovers = sanne.getByRole("region", { name: "Mijn overdrachten" });
  await expect(handovers.locator(`a[href="${requestPath}"]`)).toHaveCount(1);
  await expect(coming(sanne).locator(`a[href="${requestPath}"]`)).toHaveText("Overdracht gevraagd");
  await load(sanne, `${A}/my/handover`, { warm: true });
  await expect(sanne.getByRole("list", { name: "Mijn komende diensten" }).locator(`a[href="${requestPath}"]`)).toHaveCount(1);

  // The colleague opens the email's button on B, where it signs them in on the request's page ...
  const colleague = await (await newPhone(browser, B)).newPage();
  await colleague.goto(signInPathOf(request));
  await expect(colleague).toHaveURL(new RegExp(`${requestPath}$`));
  await expect(colleague.getByRole("heading", { level: 1, name: "Dienst overnemen" })).toBeVisible();
  // ... has A cache their Mijn pagina without the shift (the cookie is good on both servers) ...
  await load(colleague, `${A}/my`, { warm: true });
  await expect(coming(colleague)).toBeVisible();
  await expect(coming(colleague).locator(`a[href="${shiftPath}"]`)).toHaveCount(0);
  // ... and takes the shift over, on B.
  await load(colleague, `${B}${requestPath}`);
  await colleague.getByRole("button", { name: "Dienst overnemen" }).tap();
  await expect(colleague.getByRole("status")).toHaveText(/De dienst is nu van jou/);

  // A's very next request of each page shows it.
  await load(sanne, `${A}/my`);
  await expect(sanne.getByRole("region", { name: "Mijn overdrachten" }).locator(`a[href="${requestPath}"]`)).toHaveCount(0);
  await expect(coming(sanne).locator(`a[href="${shiftPath}"]`)).toHaveCount(0);
  await expect(coming(sanne).locator(`a[href="${requestPath}"]`)).toHaveCount(0);
  await load(sanne, `${A}/my/handover`);
  await expect(sanne.locator(`main a[href="${requestPath}"]`)).toHaveCount(0);
  await expect(sanne.locator(`main a[href="${shiftPath}/handover"]`)).toHaveCount(0);
  await load(colleague, `${A}/my`);
  await expect(coming(colleague).locator(`a[href="${shiftPath}"]`)).toHaveCount(1);
  await load(sanne, `${A}${requestPath}`);
  await expect(sanne.getByRole("status")).toContainText("heeft de dienst van je overgenomen");
});

test("a correction request on instance A shows on instance B's very next request of her week, and her colleague's week there stays their own", async ({ browser }) => {
  test.setTimeout(120_000);
  const { A, B, sanne, other } = await sanneOnAColleagueOnB(browser);

  // Last week: it has ended, so she can ask for a correction whatever the deadline.
  const week = addDaysToKey(weekStartOf(new Date(), timeZone), -7);
  const weekPath = `/my/hours/${week}`;
  const message = `Ik was er ook op vrijdagavond (${Date.now()}).`;
  const requested = (page: Page) => page.getByText(/^Je hebt op .+ een correctie gevraagd:$/);

  // B renders both members' week and caches it: nothing asked yet.
  await load(sanne, `${B}${weekPath}`, { warm: true });
  await expect(sanne.getByRole("heading", { level: 1, name: "Ondertekenen" })).toBeVisible();
  await expect(requested(sanne)).toHaveCount(0);
  await load(other, `${B}${weekPath}`, { warm: true });
  await expect(requested(other)).toHaveCount(0);

  // She asks for a correction on A.
  await load(sanne, `${A}${weekPath}`);
  await sanne.getByLabel("Wat klopt er niet?").fill(message);
  await sanne.getByRole("button", { name: "Verstuur naar planner" }).tap();
  await expect(sanne).toHaveURL(new RegExp(`${weekPath}\\?done=correction$`));
  await expect(sanne.getByText("Je bericht is naar je planner gestuurd.")).toBeVisible();

  // B's very next request of her week shows it; her colleague's week of the same days does not.
  await load(sanne, `${B}${weekPath}`);
  await expect(requested(sanne)).toBeVisible();
  await expect(sanne.getByText(message)).toBeVisible();
  await load(other, `${B}${weekPath}`);
  await expect(other.getByRole("heading", { level: 1, name: "Ondertekenen" })).toBeVisible();
  await expect(requested(other)).toHaveCount(0);
  await expect(other.getByText(message)).toHaveCount(0);
});
