// A real organisation set up from nothing at a laptop: the organisation the e2e stage created with the
// operator CLI (not the demo), whose admin signs in with the temporary password the CLI printed, sets
// a new one, imports 30 members from an Excel file, creates a group and a location, puts ten members
// in the group, makes one of them coordinator, and that coordinator signs in and sees the dashboard.
import { expect, test, type Page } from "@playwright/test";
import { xlsxBuffer } from "@/tests/setup/xlsx";
import { mailTo, signInPathOf } from "../support/mailbox";
import { signInWithPassword } from "../support/sign-in";

const adminUsername = process.env.E2E_NEW_ORGANISATION_ADMIN;
const temporaryPassword = process.env.E2E_NEW_ORGANISATION_PASSWORD;
const newPassword = "kompas lantaarn woensdag 42";

const firstNames = ["Fleur", "Daan", "Sanne", "Bram", "Lotte", "Ruben", "Iris", "Thijs", "Noor", "Sem"];
const lastNames = [
  ["", "Vermeulen"],
  ["de", "Graaf"],
  ["van", "Dijk"],
];
/** 30 members, sorted the way the members table sorts them (last name, then first name). */
const members = lastNames.flatMap(([infix, lastName]) =>
  firstNames.map((firstName) => {
    const key = `${firstName}.${infix ? `${infix}.` : ""}${lastName}`.toLowerCase();
    return { firstName, infix, lastName, username: `ns.${key}`, email: `${key}@nieuwestart.example`, name: [firstName, infix, lastName].filter(Boolean).join(" ") };
  }),
);
const coordinator = members.find((member) => member.lastName === "Graaf" && member.firstName === "Sanne")!;

async function signInLinkFor(page: Page, email: string, since: Date): Promise<string> {
  const mails = async () => (await mailTo(page, email)).filter((message) => message.template === "sign-in-link" && new Date(message.createdAt) >= since);
  await expect.poll(async () => (await mails()).length, { timeout: 15_000 }).toBeGreaterThan(0);
  return signInPathOf((await mails())[0]);
}

test("an admin sets up a new organisation: new password, 30 members from Excel, a group and a location, ten in the group, one coordinator who then signs in", async ({ page, browser }) => {
  test.setTimeout(120_000);
  if (!adminUsername || !temporaryPassword) throw new Error("run through `npm test`: the e2e stage creates the organisation and passes its admin's temporary password");
  const since = new Date(Date.now() - 5_000);

  // Signing in with the CLI's temporary password forces a new one before anything else.
  await signInWithPassword(page, adminUsername, temporaryPassword);
  await expect(page).toHaveURL(/\/my\/account\/password$/);
  await page.getByLabel("Nieuw wachtwoord", { exact: true }).fill(newPassword);
  await page.getByLabel("Nieuw wachtwoord nog een keer").fill(newPassword);
  await page.getByRole("button", { name: "Nieuw wachtwoord opslaan" }).click();
  await expect(page).toHaveURL(/\/my$/);

  // An empty organisation: the members table says so.
  await page.goto("/dashboard/people");
  await expect(page.getByRole("heading", { level: 1, name: "Personen & logins" })).toBeVisible();
  await page.getByRole("link", { name: "Importeren" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Leden importeren" })).toBeVisible();

  // Import 30 members from an .xlsx file made here, with Dutch column names as Excel users write them.
  const header = ["Voornaam", "Tussenvoegsel", "Achternaam", "E-mailadres", "Gebruikersnaam"];
  const workbook = await xlsxBuffer([header, ...members.map((member) => [member.firstName, member.infix, member.lastName, member.email, member.username])]);
  await page.getByLabel("Bestand").setInputFiles({ name: "leden-nieuwe-start.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(workbook) });
  await page.getByRole("button", { name: "Bestand inlezen" }).click();
  // The columns are recognised by their names; the coordinator only checks and goes on.
  await expect(page.getByText("leden-nieuwe-start.xlsx: 30 regels")).toBeVisible();
  await page.getByRole("button", { name: "Verder naar controle" }).click();
  await expect(page.getByText("30 leden kunnen worden toegevoegd. Geen enkele regel heeft een fout.")).toBeVisible();
  // Nothing is written before the confirmation, which names how many.
  await page.getByRole("button", { name: "30 leden toevoegen" }).click();
  const confirmImport = page.getByRole("dialog", { name: "30 leden toevoegen aan je organisatie?" });
  await confirmImport.getByRole("button", { name: "Ja, 30 leden toevoegen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import klaar" })).toBeVisible();
  await expect(page.getByText("30 leden toegevoegd uit leden-nieuwe-start.xlsx.")).toBeVisible();
  await expect(page.getByText("30 logins aangemaakt.")).toBeVisible();

  // A group and a location.
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Groepen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Groepen" })).toBeVisible();
  await page.getByLabel("Naam", { exact: true }).fill("Tuinploeg");
  await page.getByLabel("E-mailadres van de groep").fill("tuin@nieuwestart.example");
  await page.getByRole("button", { name: "Groep toevoegen" }).click();
  await expect(page.getByText("Groep ‘Tuinploeg’ is toegevoegd.")).toBeVisible();
  await expect(page.getByRole("rowheader", { name: /Tuinploeg/ })).toBeVisible();

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Locaties" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Locaties en cliënten" })).toBeVisible();
  await page.getByLabel("Naam", { exact: true }).fill("Moestuin Oost");
  await page.getByLabel("Adres").fill("Tuinpad 3, Utrecht");
  await page.getByRole("button", { name: "Toevoegen", exact: true }).click();
  await expect(page.getByText("‘Moestuin Oost’ is toegevoegd.")).toBeVisible();

  // Ten members in the group, chosen in the members table: everyone whose last name is "de Graaf".
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Personen & logins" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Personen & logins" })).toBeVisible();
  await page.getByLabel("Naam of gebruikersnaam").fill("Graaf");
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page.getByRole("caption")).toContainText("10 personen");
  for (const member of members.filter((one) => one.lastName === "Graaf")) {
    await page.getByRole("checkbox", { name: new RegExp(member.name) }).check();
  }
  await page.getByLabel("Groep voor de selectie").selectOption({ label: "Tuinploeg" });
  await page.getByRole("button", { name: "Aan groep toevoegen" }).click();
  const confirmGroup = page.getByRole("dialog", { name: "10 personen toevoegen aan ‘Tuinploeg’?" });
  await confirmGroup.getByRole("button", { name: "Ja, toevoegen" }).click();
  await expect(page.getByText("10 personen toegevoegd aan ‘Tuinploeg’.")).toBeVisible();

  // The group's members in the table, through the group filter.
  await page.goto("/dashboard/people");
  await page.getByRole("search", { name: "Filters" }).getByLabel("Groep", { exact: true }).selectOption({ label: "Tuinploeg" });
  await page.getByRole("button", { name: "Filteren" }).click();
  await expect(page.getByRole("caption")).toContainText("10 personen");

  // One of them becomes coordinator, on her member page; the admin then sends her a sign-in link.
  await page.getByRole("link", { name: coordinator.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: coordinator.name })).toBeVisible();
  await page.getByLabel("Rol in de organisatie").selectOption({ label: "Coördinator" });
  await page.getByRole("button", { name: "Rol wijzigen" }).click();
  await page.getByRole("dialog", { name: "Rol wijzigen?" }).getByRole("button", { name: "Ja, wijzigen" }).click();
  await expect(page.getByText("De rol is gewijzigd in Coördinator.")).toBeVisible();
  await page.getByRole("button", { name: "Inloglink sturen" }).click();
  await page.getByRole("dialog", { name: `Inloglink sturen naar ${coordinator.name}?` }).getByRole("button", { name: "Inloglink sturen" }).click();
  await expect(page.getByText(`Inloglink gestuurd naar ${coordinator.name}.`)).toBeVisible();

  // The new coordinator, on her own laptop, signs in with the email's button and sees the dashboard.
  const linkPath = await signInLinkFor(page, coordinator.email, since);
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const coordinatorPage = await laptop.newPage();
  await coordinatorPage.goto(linkPath);
  await expect(coordinatorPage).toHaveURL(/\/my$/);
  await coordinatorPage.goto("/dashboard");
  await expect(coordinatorPage.getByRole("heading", { level: 1, name: "Overzicht" })).toBeVisible();
  await expect(coordinatorPage.getByText("Stichting Nieuwe Start").first()).toBeVisible();
  await coordinatorPage.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Personen & logins" }).click();
  await expect(coordinatorPage.getByRole("caption")).toContainText("31 personen");
  await laptop.close();
});
