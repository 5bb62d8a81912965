// People on a phone: a member puts a new photo on Mijn profiel from the file chooser, finds it in the
// smoelenboek and finds themself in Personen zoeken while typing part of their last name with a typo.
// And what the admin hides from colleagues never reaches the browser, in the HTML or the RSC payload.
// Uses Joost ter Horst (demo.beheerder), whom no other journey uses; an admin is a member of the
// organisation too. Re-runnable: each run only replaces his photo.
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";

const joost = { username: "demo.beheerder", password: "Ploeg-demo-2026!", name: "Joost ter Horst" };

async function signIn(page: Page): Promise<void> {
  await page.goto("/sign-in?callbackUrl=%2Fmy");
  await page.getByLabel("Gebruikersnaam", { exact: true }).fill(joost.username);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(joost.password);
  await page.getByRole("button", { name: "Inloggen", exact: true }).tap();
  await expect(page).toHaveURL(/\/my(\?|$)/);
  await expect(page.getByText("Hallo Joost")).toBeVisible();
}

/** A phone-camera-like JPEG, a different colour on every run so the new photo is a new image. */
async function cameraPhoto(): Promise<Buffer> {
  const hue = () => Math.floor(Math.random() * 200);
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: hue(), g: hue(), b: hue() } } })
    .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900"><circle cx="600" cy="400" r="260" fill="#f2c9a0"/></svg>') }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** The photo id in an `/api/photos/<id>?size=…` address. */
function photoIdIn(src: string | null): string {
  const match = /\/api\/photos\/([0-9a-f-]{36})\?/.exec(src ?? "");
  if (!match) throw new Error(`not a photo address: ${src}`);
  return match[1];
}

test("a member uploads a photo, sees it in the smoelenboek and finds themself with a typo while typing", async ({ page }) => {
  // Several first page loads on a cold development server, an upload and a search.
  test.setTimeout(90_000);
  await signIn(page);

  await page.getByRole("link", { name: "Mijn profiel" }).tap();
  await expect(page.getByRole("heading", { level: 1, name: "Mijn profiel" })).toBeVisible();
  const photoSection = page.getByRole("region", { name: "Mijn foto" });
  const before = await photoSection.getByRole("img", { name: joost.name }).first().getAttribute("src");

  const chooser = page.waitForEvent("filechooser");
  await photoSection.getByText("Kies een foto", { exact: true }).tap();
  await (await chooser).setFiles({ name: "IMG_2044.jpg", mimeType: "image/jpeg", buffer: await cameraPhoto() });

  await expect(photoSection.getByText("Je nieuwe foto is opgeslagen.")).toBeVisible({ timeout: 20_000 });
  const current = photoSection.locator('img[src^="/api/photos/"]');
  await expect(current).not.toHaveAttribute("src", before ?? "");
  // The photo keeps its shape beside the text on a phone: a 96 px circle, cropped, never squeezed.
  const shape = await current.boundingBox();
  expect([Math.round(shape?.width ?? 0), Math.round(shape?.height ?? 0)]).toEqual([96, 96]);
  const photoId = photoIdIn(await current.getAttribute("src"));
  // Served to the signed-in member as the re-encoded WebP.
  const served = await page.request.get(`/api/photos/${photoId}?size=small`);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/webp");

  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Personen" }).tap();
  await page.getByRole("navigation", { name: "Personen" }).getByRole("link", { name: "Smoelenboek" }).tap();
  await expect(page).toHaveURL(/\/my\/people\/photos$/);
  // A page holds two dozen faces: jump to H ("ter Horst" is filed under Horst), and on to the next
  // page when the H's run on past this one.
  const letterH = page.getByRole("navigation", { name: "Spring naar een letter" }).getByRole("link", { name: "H", exact: true });
  const letterHref = (await letterH.getAttribute("href")) ?? "";
  await letterH.tap();
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}${url.hash}` === letterHref);
  await expect(page.getByRole("heading", { level: 2, name: "H", exact: true })).toBeVisible();
  const card = page.getByRole("link", { name: joost.name, exact: true });
  if ((await card.count()) === 0) {
    await page.getByRole("navigation", { name: "Meer personen" }).getByRole("link", { name: /Volgende/ }).tap();
  }
  await card.scrollIntoViewIfNeeded();
  const thumbnail = card.getByRole("img", { name: joost.name });
  await expect(thumbnail).toHaveAttribute("src", `/api/photos/${photoId}?size=small`);
  await expect(thumbnail).toHaveAttribute("loading", "lazy");
  await expect.poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);

  await page.getByRole("navigation", { name: "Personen" }).getByRole("link", { name: "Zoeken" }).tap();
  await expect(page).toHaveURL(/\/my\/people$/);
  // "Horst" with one letter doubled, typed key by key and never submitted: results follow the typing.
  await page.getByLabel("Zoek een collega op naam").pressSequentially("Horrst", { delay: 80 });
  await expect(page).toHaveURL(/\/my\/people\?q=Horrst$/);
  const result = page.getByRole("main").getByRole("link", { name: joost.name, exact: true });
  await expect(result).toBeVisible();
  // Beside the printed name the photo is decorative (empty alt), but it is the new one.
  await expect(result.locator("img")).toHaveAttribute("src", `/api/photos/${photoId}?size=small`);
});

test("a contact field the admin hid is nowhere in the search page's or the person page's response, as HTML or as RSC payload", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page);

  // The demo organisation keeps the default choice: email visible to colleagues, address and birth date not.
  await page.goto("/dashboard/settings/profile-fields");
  await expect(page.getByRole("checkbox", { name: "E-mailadres: Zichtbaar voor collega's" })).toBeChecked();
  for (const field of ["Straat en huisnummer", "Postcode", "Woonplaats", "Geboortedatum"]) {
    await expect(page.getByRole("checkbox", { name: `${field}: Zichtbaar voor collega's` })).not.toBeChecked();
  }

  // The Jansen household (Kerkstraat 12, 3811 CV Amersfoort; Lotte born 17 April 2006) shares one
  // visible email. (The city itself is no test: "Amersfoort" is an example in the form's messages.)
  const hidden = ["Kerkstraat", "3811 CV", "3811CV", "2006-04-17", "17 april 2006", "17-04-2006"];
  const visible = "familie.jansen@example.org";

  const html = await page.request.get("/my/people?q=Jansen");
  expect(html.status()).toBe(200);
  expect(html.headers()["content-type"]).toContain("text/html");
  const rsc = await page.request.get("/my/people?q=Jansen", { headers: { RSC: "1" } });
  expect(rsc.status()).toBe(200);
  expect(rsc.headers()["content-type"]).toContain("text/x-component");

  // Lotte's own page, as HTML and RSC payload, and her vCard: the same fields, and no more.
  const lottePath = /href="(\/my\/people\/[0-9a-f-]{36})"[^>]*>(?:(?!<\/a>).)*Lotte Jansen/.exec(await html.text())?.[1];
  expect(lottePath).toBeDefined();
  const personPage = await page.request.get(`${lottePath}`);
  const personRsc = await page.request.get(`${lottePath}`, { headers: { RSC: "1" } });
  const vCard = await page.request.get(`${lottePath}/vcard`);
  expect(vCard.headers()["content-type"]).toContain("text/vcard");

  for (const response of [html, rsc, personPage, personRsc, vCard]) {
    expect(response.status()).toBe(200);
    const body = await response.text();
    const what = `the ${response.headers()["content-type"]} response of ${new URL(response.url()).pathname}`;
    expect(body, what).toContain("Lotte");
    expect(body.includes(visible), `${visible} in ${what}`).toBe(true);
    for (const value of hidden) expect(body.includes(value), `"${value}" in ${what}`).toBe(false);
  }
});

test("a photo larger than any request may be, sent without JavaScript, ends in the form's 'too large' message, not an error page", async ({ page, browser }) => {
  test.setTimeout(60_000);
  await signIn(page);
  // The same member on a phone that runs no JavaScript: the form then posts the file itself.
  const plain = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  try {
    const phone = await plain.newPage();
    await phone.goto("/my/profile");
    const photoSection = phone.getByRole("region", { name: "Mijn foto" });
    await photoSection.getByLabel("Kies een foto").setInputFiles({ name: "IMG_9001.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(17 * 1024 * 1024, 0xff) });
    const answer = phone.waitForResponse((response) => response.request().method() === "POST");
    await photoSection.getByRole("button", { name: "Foto opslaan" }).click();
    expect((await answer).status()).toBe(303);
    await expect(phone).toHaveURL(/\/my\/profile\?upload=tooLarge$/);
    await expect(phone.getByRole("region", { name: "Mijn foto" }).getByRole("alert")).toHaveText(/groter dan 15 MB/);
  } finally {
    await plain.close();
  }
});
