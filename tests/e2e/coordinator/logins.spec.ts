// Logins in bulk at a laptop: an admin imports three new members into a new group, creates their
// logins from the previewed usernames, activates them, resets and mails the passwords of those who
// never signed in, then resets and exports them to an Excel file that the test reads; one member
// from that file signs in on a phone with the temporary password and must choose a new one.
import { readFile } from "node:fs/promises";
import { expect, test, type Locator } from "@playwright/test";
import { readXlsxRows, xlsxBuffer } from "@/tests/setup/xlsx";
import { signInWithPassword } from "../support/sign-in";

/** Chooses the option whose text matches (counts and group sizes are part of the option texts). */
async function chooseOption(select: Locator, text: RegExp): Promise<void> {
  const options = await select.locator("option").evaluateAll((elements) => elements.map((option) => ({ value: (option as HTMLOptionElement).value, text: option.textContent ?? "" })));
  const option = options.find((candidate) => text.test(candidate.text));
  if (!option) throw new Error(`no option matching ${text} in ${JSON.stringify(options.map((candidate) => candidate.text))}`);
  await select.selectOption(option.value);
}

test("an admin creates, activates, resets and exports logins for a new group, and a member signs in with the exported temporary password", async ({ page, browser }) => {
  test.setTimeout(120_000);
  // Letters only: names may not contain digits.
  const tag = Date.now().toString(36).replace(/[0-9]/g, (digit) => "abcdefghij"[Number(digit)]);
  const surname = `Proef${tag}`;
  const group = `Inlogploeg ${tag}`;
  const members = ["Mila", "Jesse", "Lieke"].map((firstName) => ({ firstName, name: `${firstName} ${surname}`, email: `${firstName.toLowerCase()}.${tag}@example.org` }));

  await signInWithPassword(page, "demo.beheerder", "Ploeg-demo-2026!");
  await expect(page).toHaveURL(/\/my$/);

  // A new group, and three new members in it from an Excel file, without logins.
  await page.goto("/dashboard/groups");
  await page.getByLabel("Naam", { exact: true }).fill(group);
  await page.getByRole("button", { name: "Groep toevoegen" }).click();
  await expect(page.getByText(`Groep ‘${group}’ is toegevoegd.`)).toBeVisible();
  await page.goto("/dashboard/people/import");
  const file = await xlsxBuffer([["Voornaam", "Achternaam", "E-mailadres", "Groepen"], ...members.map((member) => [member.firstName, surname, member.email, group])]);
  await page.getByLabel("Bestand").setInputFiles({ name: "nieuwe-leden.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(file) });
  await page.getByRole("button", { name: "Bestand inlezen" }).click();
  await page.getByRole("button", { name: "Verder naar controle" }).click();
  await page.getByRole("button", { name: "3 leden toevoegen" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Ja, 3 leden toevoegen" }).click();
  await expect(page.getByText("3 leden toegevoegd uit nieuwe-leden.xlsx.")).toBeVisible();

  // Create their logins for the group, from the previewed usernames.
  await page.goto("/dashboard/people");
  await page.getByRole("button", { name: /Logins, wachtwoorden en hele groepen/ }).click();
  const logins = page.getByRole("group", { name: "Logins" });
  await chooseOption(logins.getByLabel("Voor wie"), new RegExp(group));
  await logins.getByRole("button", { name: "Logins aanmaken" }).click();
  const preview = page.getByRole("dialog", { name: "Logins aanmaken" });
  await expect(preview.getByLabel(`Gebruikersnaam voor ${members[0].name}`)).toHaveValue(`mila.${surname.toLowerCase()}`);
  await preview.getByRole("button", { name: "3 logins aanmaken" }).click();
  await expect(page.getByText("3 logins aangemaakt. Ze zijn nog niet actief.")).toBeVisible();

  // Activate them all at once.
  await logins.getByRole("button", { name: "Activeren" }).click();
  await page.getByRole("dialog", { name: "Logins activeren" }).getByRole("button", { name: "3 logins activeren" }).click();
  await expect(page.getByText("3 logins geactiveerd.")).toBeVisible();

  // Reset and mail the passwords of those in the group who never signed in.
  const passwords = page.getByRole("group", { name: "Tijdelijke wachtwoorden" });
  await chooseOption(passwords.getByLabel("Voor wie"), new RegExp(group));
  await passwords.getByLabel("Alleen wie nog nooit heeft ingelogd").check();
  await passwords.getByRole("button", { name: "Wachtwoord resetten en mailen" }).click();
  const mailing = page.getByRole("dialog", { name: "Wachtwoorden resetten en mailen" });
  await expect(mailing).toContainText("3 personen krijgen de uitnodigingsmail");
  await mailing.getByRole("button", { name: "Resetten en mailen" }).click();
  await expect(page.getByText(/3 personen kregen een nieuw tijdelijk wachtwoord/)).toBeVisible();

  // Reset again and export to Excel: the file the test reads holds name, username and password.
  await passwords.getByRole("button", { name: "Wachtwoord resetten en exporteren" }).click();
  const exporting = page.getByRole("dialog", { name: "Wachtwoorden resetten en exporteren" });
  const [download] = await Promise.all([page.waitForEvent("download"), exporting.getByRole("button", { name: "Resetten en downloaden" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const rows = await readXlsxRows(await readFile(await download.path()));
  const row = rows.find((cells) => cells.some((cell) => cell.includes(members[0].name)));
  if (!row) throw new Error(`no row for ${members[0].name} in ${JSON.stringify(rows)}`);
  const username = row.find((cell) => cell === `mila.${surname.toLowerCase()}`);
  const temporaryPassword = row.find((cell) => /^\w{4}-\w{4}-\w{4}$/.test(cell));
  expect(username).toBeDefined();
  expect(temporaryPassword).toBeDefined();
  expect(rows).toHaveLength(4);

  // Mila signs in on her phone with the exported temporary password and must choose her own.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const mila = await phone.newPage();
  await signInWithPassword(mila, username!, temporaryPassword!, "tap");
  await expect(mila).toHaveURL(/\/my\/account\/password$/);
  await mila.getByLabel("Nieuw wachtwoord", { exact: true }).fill("zeilboot regenjas vrijdag 9");
  await mila.getByLabel("Nieuw wachtwoord nog een keer").fill("zeilboot regenjas vrijdag 9");
  await mila.getByRole("button", { name: "Nieuw wachtwoord opslaan" }).tap();
  await expect(mila).toHaveURL(/\/my$/);
  await expect(mila.getByText("Hallo Mila")).toBeVisible();
  await phone.close();
});
