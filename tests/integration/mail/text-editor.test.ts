// The email text editor through its real actions (stubbed session): layering of organisation over
// provider over platform text, the save rules, broken stored texts, the test email and who may edit.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ProviderAdminActor } from "@/lib/accounts/queries";
import { users } from "@/lib/db/schema/accounts";
import { auditLog, emailTexts, outbox } from "@/lib/db/schema/platform";
import { createMemberWithLogin, createOrganisation, createProvider } from "@/lib/demo/factories";
import { defaultEmailTexts } from "@/lib/mail/registry";
import {
  previewOrganisationEmailTexts,
  resetOrganisationEmailTexts,
  saveOrganisationEmailTexts,
  saveProviderEmailTexts,
  sendOrganisationTestEmail,
} from "@/lib/mail/text-editor-actions";
import { listEditableEmailTexts, resolveEmailTexts } from "@/lib/mail/text-overrides";
import { createProviderAdmin } from "@/lib/tenancy/provisioning";
import { setUpTestDatabase } from "@/tests/setup/database";
import { withMailBodies } from "@/tests/setup/mail-bodies";
import { signInAs, signInAsProviderAdmin, signOut } from "@/tests/setup/sign-in-as";
import { actorOf } from "../roster/roster-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"));

const database = setUpTestDatabase();
beforeEach(() => signOut());

let sequence = 0;

async function setting() {
  sequence += 1;
  const provider = await createProvider(database.db, { name: `Provider ${sequence}`, slug: `tekst-provider-${sequence}` });
  const organisation = await createOrganisation(database.db, { providerId: provider.id, name: `Buurthuis ${sequence}`, locale: "nl" });
  const admin = await createMemberWithLogin(database.db, { tenantId: organisation.id, role: "admin" });
  const coordinator = await createMemberWithLogin(database.db, { tenantId: organisation.id, role: "coordinator" });
  const created = await createProviderAdmin(database.db, { provider: provider.slug, username: `tekst.beheer.${sequence}`, email: `tekst.beheer.${sequence}@example.org` });
  await database.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, created.userId));
  const providerAdmin: ProviderAdminActor = {
    userId: created.userId,
    providerId: provider.id,
    providerName: provider.name,
    displayName: "Beheer",
    locale: "nl",
    mustChangePassword: false,
    visitingTenantId: null,
  };
  return { provider, organisation, admin, coordinator, providerAdmin };
}

const signInLink = (subject: string, overrides: { subject?: string; body?: string; buttonLabel?: string } = {}) => ({
  template: "sign-in-link",
  locale: "nl",
  subject,
  body: defaultEmailTexts("sign-in-link", "nl").body,
  buttonLabel: defaultEmailTexts("sign-in-link", "nl").buttonLabel ?? "",
  ...overrides,
});

async function subjectFor(tenantId: string) {
  const { texts } = await resolveEmailTexts(database.db, { tenantId, template: "sign-in-link", locale: "nl" });
  return texts.subject;
}

describe("the email text editor", () => {
  it("an organisation's text beats its provider's, which beats the platform default", async () => {
    const { organisation, admin, providerAdmin } = await setting();
    expect(await subjectFor(organisation.id)).toBe(defaultEmailTexts("sign-in-link", "nl").subject);

    signInAsProviderAdmin(providerAdmin);
    expect(await saveProviderEmailTexts(signInLink("Provider: inloggen bij {organisatie}"))).toEqual({ ok: true, value: { status: "saved" } });
    expect(await subjectFor(organisation.id)).toBe("Provider: inloggen bij {organisatie}");

    signInAs(await actorOf(admin));
    expect(await saveOrganisationEmailTexts(signInLink("Welkom terug, {voornaam}"))).toEqual({ ok: true, value: { status: "saved" } });
    expect(await subjectFor(organisation.id)).toBe("Welkom terug, {voornaam}");

    const [entry] = (await listEditableEmailTexts(database.db, { level: "organisation", tenantId: organisation.id })).filter(
      (texts) => texts.template === "sign-in-link" && texts.locale === "nl",
    );
    expect(entry.fields.subject).toMatchObject({ source: "organisation", inherited: "Provider: inloggen bij {organisatie}", inheritedSource: "provider" });
    // The body equalled what it inherits, so it is stored as "inherit".
    expect(entry.fields.body).toMatchObject({ source: "platform", stored: null });

    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.tenantId, organisation.id), eq(auditLog.action, "email-text.changed")));
    expect(audit.map((row) => row.details)).toEqual([expect.objectContaining({ level: "organisation", template: "sign-in-link", locale: "nl", fields: ["subject"] })]);

    expect(await resetOrganisationEmailTexts({ template: "sign-in-link", locale: "nl" })).toEqual({ ok: true, value: { removed: true } });
    expect(await subjectFor(organisation.id)).toBe("Provider: inloggen bij {organisatie}");
  });

  it.each([
    { label: "a subject with a newline", input: { subject: "Inloggen\nBcc: iemand@example.org" }, field: "subject", message: /op één regel/ },
    { label: "a subject with a tab", input: { subject: "Inloggen\tnu" }, field: "subject", message: /op één regel/ },
    { label: "an empty subject", input: { subject: "   " }, field: "subject", message: /mag niet leeg zijn/ },
    { label: "a body that is far too long", input: { body: "a".repeat(5001) }, field: "body", message: /te lang/ },
    {
      label: "an unknown placeholder",
      input: { body: "Hoi {voornam}, welkom bij {organisatie}" },
      field: "body",
      message: /Onbekende placeholder \{voornam\}\. Je kunt gebruiken: \{voornaam\}, \{gebruikersnaam\}, \{organisatie\}\./,
    },
  ])("$label is refused with a message for the admin, and nothing is stored", async ({ input, field, message }) => {
    const { organisation, admin } = await setting();
    signInAs(await actorOf(admin));
    const result = await saveOrganisationEmailTexts(signInLink("Inloggen", input));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.status).toBe("invalid");
    const errors = result.value.status === "invalid" ? result.value.fieldErrors : {};
    expect(errors[field as "subject" | "body"]?.[0]).toMatch(message);
    expect(await database.db.select().from(emailTexts).where(eq(emailTexts.tenantId, organisation.id))).toEqual([]);
  });

  it("a stored text that no longer passes the rules is listed as broken and the mail uses the inherited text", async () => {
    const { provider, organisation } = await setting();
    await database.db.insert(emailTexts).values([
      { providerId: provider.id, template: "sign-in-link", locale: "nl", subject: "Provider: {organisatie}" },
      { tenantId: organisation.id, template: "sign-in-link", locale: "nl", subject: "Hoi {dienst}", body: "Oude tekst {voornaam}" },
    ]);
    const [entry] = (await listEditableEmailTexts(database.db, { level: "organisation", tenantId: organisation.id })).filter(
      (texts) => texts.template === "sign-in-link" && texts.locale === "nl",
    );
    expect(entry.fields.subject).toMatchObject({ stored: "Hoi {dienst}", source: "provider", value: "Provider: {organisatie}" });
    expect(entry.fields.subject?.broken).toMatch(/Onbekende placeholder \{dienst\}/);
    expect(entry.fields.body).toMatchObject({ source: "organisation", broken: null });
    expect(await subjectFor(organisation.id)).toBe("Provider: {organisatie}");
  });

  it("the preview renders the typed text with sample values and the organisation's name, escaped", async () => {
    const { organisation, admin } = await setting();
    signInAs(await actorOf(admin));
    const result = await previewOrganisationEmailTexts(signInLink("Hoi {voornaam}", { body: "**Welkom** bij {organisatie} <script>x</script>" }));
    if (!result.ok) throw new Error("preview refused");
    expect(result.value.subject).toBe("Hoi Sanne");
    expect(result.value.html).toContain(`<strong>Welkom</strong> bij ${organisation.name} &lt;script&gt;`);
    expect(result.value.html).not.toContain("<script>");
    expect(result.value.text).toContain(`Welkom bij ${organisation.name}`);
  });

  it("a test email lands in the outbox for the admin's own address, marked as a test", async () => {
    const { organisation, admin } = await setting();
    signInAs(await actorOf(admin));
    const result = await sendOrganisationTestEmail(signInLink("Inloggen bij {organisatie}"));
    expect(result).toEqual({ ok: true, value: { status: "sent", address: admin.person.email } });
    const rows = withMailBodies(await database.db.select().from(outbox).where(eq(outbox.tenantId, organisation.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ template: "sign-in-link", toAddress: admin.person.email, subject: `[Test] Inloggen bij ${organisation.name}` });
  });

  it("a coordinator who is not an admin cannot save, reset or test-send texts", async () => {
    const { organisation, coordinator } = await setting();
    signInAs(await actorOf(coordinator));
    expect(await saveOrganisationEmailTexts(signInLink("Van de coördinator"))).toEqual({ ok: false, error: "forbidden" });
    expect(await resetOrganisationEmailTexts({ template: "sign-in-link", locale: "nl" })).toEqual({ ok: false, error: "forbidden" });
    expect(await sendOrganisationTestEmail(signInLink("Test"))).toEqual({ ok: false, error: "forbidden" });
    expect(await database.db.select().from(emailTexts).where(eq(emailTexts.tenantId, organisation.id))).toEqual([]);
  });

  it("another organisation's admin cannot touch this organisation's texts", async () => {
    const ours = await setting();
    const theirs = await setting();
    await database.db.insert(emailTexts).values({ tenantId: ours.organisation.id, template: "sign-in-link", locale: "nl", subject: "Onze tekst" });
    signInAs(await actorOf(theirs.admin));
    expect(await resetOrganisationEmailTexts({ template: "sign-in-link", locale: "nl" })).toEqual({ ok: true, value: { removed: false } });
    await saveOrganisationEmailTexts(signInLink("Hun tekst"));
    expect(await subjectFor(ours.organisation.id)).toBe("Onze tekst");
    expect(await subjectFor(theirs.organisation.id)).toBe("Hun tekst");
  });

  it("a provider admin edits only their own provider's level", async () => {
    const ours = await setting();
    const other = await setting();
    signInAsProviderAdmin(ours.providerAdmin);
    await saveProviderEmailTexts(signInLink("Provider-tekst {organisatie}"));
    const rows = await database.db.select().from(emailTexts);
    expect(rows.filter((row) => row.subject === "Provider-tekst {organisatie}")).toEqual([
      expect.objectContaining({ providerId: ours.provider.id, tenantId: null }),
    ]);
    expect(await subjectFor(ours.organisation.id)).toBe("Provider-tekst {organisatie}");
    expect(await subjectFor(other.organisation.id)).toBe(defaultEmailTexts("sign-in-link", "nl").subject);
    // An organisation admin is no provider admin.
    signInAs(await actorOf(ours.admin));
    expect(await saveProviderEmailTexts(signInLink("Via de organisatie"))).toEqual({ ok: false, error: "forbidden" });
  });
});
