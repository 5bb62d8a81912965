import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { emailTexts, outbox } from "@/lib/db/schema/platform";
import { withMailBodies } from "@/tests/setup/mail-bodies";
import { sendSignInLink, sendTemplate } from "@/lib/mail/messages";
import { extractLinks } from "@/lib/mail/preview";
import { emailTemplateKeys, emailTemplates, type Placeholder } from "@/lib/mail/registry";
import { resolveEmailTexts } from "@/lib/mail/text-overrides";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { insertOrganisation, insertPerson, insertProvider } from "./fixtures";

let database: TestDatabase;
let providerA: string;
let providerB: string;
/** Two organisations of provider A, one of provider B (English). */
let orgA1: string;
let orgA2: string;
let orgB1: string;

beforeAll(async () => {
  database = await createTestDatabase();
  providerA = await insertProvider(database.db, "Provider A");
  providerB = await insertProvider(database.db, "Provider B");
  orgA1 = await insertOrganisation(database.db, providerA, "Zorggroep Oost");
  orgA2 = await insertOrganisation(database.db, providerA, "Buurthuis De Linde");
  orgB1 = await insertOrganisation(database.db, providerB, "Riverside Care", "en");
});

afterAll(async () => {
  await database.close();
});

beforeEach(async () => {
  await database.db.delete(emailTexts);
  await database.db.delete(outbox);
});

const defaults = emailTemplates["sign-in-link"].defaults;

describe("email texts: platform default → provider → organisation", () => {
  test("without overrides an organisation gets the platform default in its own locale", async () => {
    expect(await resolveEmailTexts(database.db, { tenantId: orgA1, template: "sign-in-link" })).toEqual({
      locale: "nl",
      organisationName: "Zorggroep Oost",
      texts: defaults.nl,
    });
    expect(await resolveEmailTexts(database.db, { tenantId: orgB1, template: "sign-in-link" })).toMatchObject({
      locale: "en",
      texts: defaults.en,
    });
  });

  test("a provider override beats the default, field by field, for all its organisations", async () => {
    await database.db.insert(emailTexts).values({ providerId: providerA, template: "sign-in-link", locale: "nl", subject: "Provider: {organisatie}" });
    for (const tenantId of [orgA1, orgA2]) {
      const { texts } = await resolveEmailTexts(database.db, { tenantId, template: "sign-in-link", locale: "nl" });
      expect(texts).toEqual({ ...defaults.nl, subject: "Provider: {organisatie}" });
    }
  });

  test("an organisation override beats its provider's, and unset fields still come from the provider", async () => {
    await database.db.insert(emailTexts).values([
      { providerId: providerA, template: "sign-in-link", locale: "nl", subject: "Provider onderwerp", buttonLabel: "Provider knop" },
      { tenantId: orgA1, template: "sign-in-link", locale: "nl", subject: "Organisatie onderwerp", body: "Organisatie tekst {voornaam}", buttonLabel: "" },
    ]);
    const { texts } = await resolveEmailTexts(database.db, { tenantId: orgA1, template: "sign-in-link", locale: "nl" });
    expect(texts).toEqual({ subject: "Organisatie onderwerp", body: "Organisatie tekst {voornaam}", buttonLabel: "Provider knop" });
  });

  test("another organisation's or another provider's override is never used", async () => {
    await database.db.insert(emailTexts).values([
      { tenantId: orgA1, template: "sign-in-link", locale: "nl", subject: "Alleen voor Zorggroep Oost" },
      { providerId: providerB, template: "sign-in-link", locale: "nl", subject: "Alleen voor provider B" },
    ]);
    const { texts } = await resolveEmailTexts(database.db, { tenantId: orgA2, template: "sign-in-link", locale: "nl" });
    expect(texts).toEqual(defaults.nl);
  });

  test("overrides apply only to their own template and locale", async () => {
    await database.db.insert(emailTexts).values([
      { tenantId: orgA1, template: "sign-in-link", locale: "en", subject: "English only" },
      { tenantId: orgA1, template: "username", locale: "nl", subject: "Ander sjabloon" },
    ]);
    expect((await resolveEmailTexts(database.db, { tenantId: orgA1, template: "sign-in-link", locale: "nl" })).texts).toEqual(defaults.nl);
    expect((await resolveEmailTexts(database.db, { tenantId: orgA1, template: "sign-in-link", locale: "en" })).texts.subject).toBe("English only");
  });

  test("a stored text with a placeholder the template does not know falls back to the layer below", async () => {
    await database.db.insert(emailTexts).values([
      { providerId: providerA, template: "sign-in-link", locale: "nl", body: "Provider tekst voor {voornaam}" },
      { tenantId: orgA1, template: "sign-in-link", locale: "nl", body: "Hoi {voornaam}, je dienst {dienst}" },
    ]);
    const { texts } = await resolveEmailTexts(database.db, { tenantId: orgA1, template: "sign-in-link", locale: "nl" });
    expect(texts.body).toBe("Provider tekst voor {voornaam}");
  });

  test("an organisation that does not exist is refused", async () => {
    await expect(resolveEmailTexts(database.db, { tenantId: crypto.randomUUID(), template: "sign-in-link" })).rejects.toThrow(/does not exist/);
  });

  test("the customised texts are what the member receives", async () => {
    await database.db.insert(emailTexts).values({ tenantId: orgA1, template: "sign-in-link", locale: "nl", subject: "Welkom {voornaam} bij {organisatie}" });
    const person = await insertPerson(database.db, orgA1, "Joris", "joris@example.nl");
    const id = await database.db.transaction((tx) =>
      sendSignInLink(tx, { tenantId: orgA1, person, username: "joris", url: "/verify?token=abc&next=%2Fmy" }),
    );
    const [row] = withMailBodies(await database.db.select().from(outbox).where(eq(outbox.id, id)));
    expect(row).toMatchObject({ subject: "Welkom Joris bij Zorggroep Oost", toAddress: "joris@example.nl", personId: person.id, tenantId: orgA1 });
    expect(extractLinks(row.html)).toEqual(["http://localhost:3000/verify?token=abc&next=%2Fmy"]);
    expect(row.text).toContain("http://localhost:3000/verify?token=abc&next=%2Fmy");
    expect(row.text).toContain("Hoi Joris,");
  });
});

describe("texts are always escaped", () => {
  test("markup in a member's name or in a customised text reaches the email as text, never as HTML", async () => {
    await database.db.insert(emailTexts).values({
      tenantId: orgA1,
      template: "sign-in-link",
      locale: "nl",
      body: 'Hoi {voornaam}, <b onclick="x()">vet</b> <script>alert("tekst")</script>',
    });
    const person = await insertPerson(database.db, orgA1, '<script>alert("naam")</script>', "x@example.nl");
    const id = await database.db.transaction((tx) => sendSignInLink(tx, { tenantId: orgA1, person, username: "x", url: "/verify?token=t" }));
    const [row] = withMailBodies(await database.db.select().from(outbox).where(eq(outbox.id, id)));

    expect(row.html).not.toMatch(/<script/i);
    expect(row.html).not.toContain("<b ");
    expect(row.html).toContain("&lt;script&gt;alert(&quot;naam&quot;)&lt;/script&gt;");
    expect(row.html).toContain("&lt;b onclick=");
  });
});

describe("every template in the registry can be sent", () => {
  // Every placeholder a sender supplies ({organisatie} comes from the organisation), each recognisable.
  const values: Record<Exclude<Placeholder, "organisatie">, string> = {
    voornaam: "waarde-voornaam",
    gebruikersnaam: "waarde-gebruikersnaam",
    dienst: "waarde-dienst",
    eerder: "waarde-eerder",
    code: "waarde-code",
    collega: "waarde-collega",
    bericht: "waarde-bericht",
    week: "waarde-week",
    deadline: "waarde-deadline",
    opmerking: "waarde-opmerking",
    naam: "waarde-naam",
  };

  test.each(emailTemplateKeys)("%s renders with its texts, details and button", async (template) => {
    const person = await insertPerson(database.db, orgA2, "Lotte", `lotte-${template}@example.nl`);
    const definition = emailTemplates[template];
    const id = await database.db.transaction((tx) =>
      sendTemplate(tx, {
        tenantId: orgA2,
        template,
        to: { address: person.email, name: person.firstName, personId: person.id },
        values,
        buttonUrl: definition.hasButton ? "/my" : undefined,
        details: { code: "123456" },
      }),
    );
    const [row] = withMailBodies(await database.db.select().from(outbox).where(eq(outbox.id, id)));

    expect(row.subject).not.toMatch(/[{}]/);
    expect(row.html).not.toMatch(/\{[a-z]+\}/);
    expect(row.text).not.toMatch(/\{[a-z]+\}/);
    expect(row.html).toContain("Buurthuis De Linde");
    expect(row.html).toContain("123456");
    for (const name of definition.placeholders) {
      if (name !== "organisatie" && definition.defaults.nl.body.includes(`{${name}}`)) expect(row.text).toContain(values[name]);
    }
    expect(extractLinks(row.html)).toEqual(definition.hasButton ? ["http://localhost:3000/my"] : []);
  });

  test("a template with a button refuses to be sent without one, or with a link outside the app", async () => {
    const send = (buttonUrl: string | undefined) =>
      database.db.transaction((tx) =>
        sendTemplate(tx, {
          tenantId: orgA2,
          template: "shift-assigned",
          to: { address: "a@example.nl" },
          values: { voornaam: "A", dienst: "Bar" },
          buttonUrl,
        }),
      );
    await expect(send(undefined)).rejects.toThrow(/needs a buttonUrl/);
    await expect(send("https://evil.example.com/phish")).rejects.toThrow(/must point into the app/);
    await expect(send("//evil.example.com/phish")).rejects.toThrow(/must point into the app/);
    expect(await database.db.select().from(outbox)).toHaveLength(0);
  });
});
