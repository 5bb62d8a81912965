// The admin's general organisation settings: name, email address, time zone, default language, the
// hours deadline and how long before it the reminder goes out. Saved through the real admin action (stubbed session), read back, audited with before
// and after, and refused for anyone but an admin of the organisation; bad input changes nothing.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { todayIn } from "@/lib/dates";
import { auditLog } from "@/lib/db/schema/platform";
import { defaultOrganisationSettings, organisations, type OrganisationSettings } from "@/lib/db/schema/tenancy";
import { createMemberWithLogin, createOrganisation } from "@/lib/demo/factories";
import { getHoursSettings } from "@/lib/hours/queries";
import { getOrganisationSettings } from "@/lib/tenancy/organisation-settings";
import { saveOrganisationSettingsForm, updateOrganisationSettings } from "@/lib/tenancy/organisation-settings-actions";
import { setUpTestDatabase } from "@/tests/setup/database";
import { formOf } from "@/tests/setup/forms";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf } from "../roster/roster-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"));

const database = setUpTestDatabase();
beforeEach(() => signOut());

async function organisationWith() {
  const organisation = await createOrganisation(database.db, { name: "Samen Sterk", email: "info@samensterk.nl", timeZone: "Europe/Amsterdam", locale: "nl" });
  const admin = await createMemberWithLogin(database.db, { tenantId: organisation.id, role: "admin" });
  const coordinator = await createMemberWithLogin(database.db, { tenantId: organisation.id, role: "coordinator" });
  const member = await createMemberWithLogin(database.db, { tenantId: organisation.id });
  return { organisation, admin, coordinator, member };
}

/** The form as it posts the organisation's current values. */
const unchanged = {
  name: "Samen Sterk",
  email: "info@samensterk.nl",
  timeZone: "Europe/Amsterdam",
  locale: "nl",
  hoursDeadlineWeekday: "1",
  hoursDeadlineTime: "09:00",
  hoursReminderHoursBefore: "24",
};

async function auditRows(tenantId: string) {
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, "settings.organisation-changed")));
}

async function storedRow(tenantId: string) {
  const [row] = await database.db.select().from(organisations).where(eq(organisations.id, tenantId));
  return row;
}

describe("organisation settings", () => {
  it.each([
    { label: "the name", change: { name: "Samen Sterker" }, before: { name: "Samen Sterk" }, after: { name: "Samen Sterker" } },
    { label: "the email address", change: { email: "bestuur@samensterk.nl" }, before: { email: "info@samensterk.nl" }, after: { email: "bestuur@samensterk.nl" } },
    { label: "the email address, cleared", change: { email: "" }, before: { email: "info@samensterk.nl" }, after: { email: null } },
    { label: "the time zone", change: { timeZone: "Europe/London" }, before: { timeZone: "Europe/Amsterdam" }, after: { timeZone: "Europe/London" } },
    { label: "the default language", change: { locale: "en" }, before: { locale: "nl" }, after: { locale: "en" } },
    {
      label: "the hours deadline",
      change: { hoursDeadlineWeekday: "3", hoursDeadlineTime: "17:30" },
      before: { hoursDeadline: { weekday: 1, time: "09:00" } },
      after: { hoursDeadline: { weekday: 3, time: "17:30" } },
    },
    {
      label: "the hours reminder",
      change: { hoursReminderHoursBefore: "48" },
      before: { hoursReminderHoursBefore: 24 },
      after: { hoursReminderHoursBefore: 48 },
    },
  ])("an admin changes $label; it is stored and audited with before and after", async ({ change, before, after }) => {
    const { organisation, admin } = await organisationWith();
    signInAs(await actorOf(admin));
    expect(await updateOrganisationSettings({ ...unchanged, ...change })).toEqual({ ok: true, value: { changed: true } });
    expect(await getOrganisationSettings(organisation.id)).toMatchObject(after);
    const rows = await auditRows(organisation.id);
    expect(rows).toHaveLength(1);
    // Only what changed is in the entry.
    expect(rows[0].details).toEqual({ before, after });
    expect(rows[0].actorUserId).toBe(admin.user.id);
    // Saving the same again changes nothing and writes no second row.
    expect(await updateOrganisationSettings({ ...unchanged, ...change })).toEqual({ ok: true, value: { changed: false } });
    expect(await auditRows(organisation.id)).toHaveLength(1);
  });

  it("keeps the sign-in and profile-field settings as they were when the hours deadline changes", async () => {
    const { organisation, admin } = await organisationWith();
    const before = (await storedRow(organisation.id)).settings;
    signInAs(await actorOf(admin));
    await updateOrganisationSettings({ ...unchanged, hoursDeadlineWeekday: "7", hoursDeadlineTime: "23:59" });
    const after = (await storedRow(organisation.id)).settings;
    expect(after).toEqual({ ...before, hoursDeadline: { weekday: 7, time: "23:59" } });
  });

  it("a new reminder moment is merged into the settings beside the deadline, and the reminder job reads it", async () => {
    const { organisation, admin } = await organisationWith();
    const before = (await storedRow(organisation.id)).settings;
    signInAs(await actorOf(admin));
    await updateOrganisationSettings({ ...unchanged, hoursDeadlineWeekday: "2", hoursDeadlineTime: "12:00", hoursReminderHoursBefore: "168" });
    expect((await storedRow(organisation.id)).settings).toEqual({ ...before, hoursDeadline: { weekday: 2, time: "12:00" }, hoursReminderHoursBefore: 168 });
    expect(await getHoursSettings(organisation.id)).toMatchObject({ deadline: { weekday: 2, time: "12:00" }, reminderHoursBefore: 168 });
  });

  it("an organisation whose settings predate the reminder shows the default of 24 hours, and saving it as shown changes nothing", async () => {
    const { organisation, admin } = await organisationWith();
    const { hoursReminderHoursBefore, ...older } = defaultOrganisationSettings;
    expect(hoursReminderHoursBefore).toBe(24);
    // Stored as it was before the setting existed: the column's type already expects it.
    await database.db.update(organisations).set({ settings: older as OrganisationSettings }).where(eq(organisations.id, organisation.id));
    expect(await getOrganisationSettings(organisation.id)).toMatchObject({ hoursReminderHoursBefore: 24 });
    signInAs(await actorOf(admin));
    expect(await updateOrganisationSettings(unchanged)).toEqual({ ok: true, value: { changed: false } });
    expect(await auditRows(organisation.id)).toHaveLength(0);
  });

  it("a new time zone is the zone every signed-in person's today is read in", async () => {
    const { admin, member } = await organisationWith();
    signInAs(await actorOf(admin));
    await updateOrganisationSettings({ ...unchanged, timeZone: "Pacific/Kiritimati" });
    const actor = await actorOf(member);
    expect(actor.timeZone).toBe("Pacific/Kiritimati");
    // 12:00 UTC on 30 November is already 1 December at UTC+14.
    expect(todayIn(actor.timeZone, new Date("2026-11-30T12:00:00Z"))).toBe("2026-12-01");
  });

  it("a coordinator, a member and someone signed out are refused, and nothing changes", async () => {
    const { organisation, coordinator, member } = await organisationWith();
    const before = await storedRow(organisation.id);
    const change = { ...unchanged, name: "Overgenomen", timeZone: "Asia/Tokyo" };
    signInAs(await actorOf(coordinator));
    expect(await updateOrganisationSettings(change)).toEqual({ ok: false, error: "forbidden" });
    signInAs(await actorOf(member));
    expect(await updateOrganisationSettings(change)).toEqual({ ok: false, error: "forbidden" });
    signOut();
    expect(await updateOrganisationSettings(change)).toEqual({ ok: false, error: "unauthorised" });
    expect(await storedRow(organisation.id)).toEqual(before);
    expect(await auditRows(organisation.id)).toHaveLength(0);
  });

  it("an admin of another organisation changes only their own, whatever the form says", async () => {
    const { organisation } = await organisationWith();
    const other = await organisationWith();
    const before = await storedRow(organisation.id);
    signInAs(await actorOf(other.admin));
    const result = await updateOrganisationSettings({ ...unchanged, name: "Overgenomen", tenantId: organisation.id });
    expect(result.ok).toBe(true);
    expect(await storedRow(organisation.id)).toEqual(before);
    expect((await storedRow(other.organisation.id)).name).toBe("Overgenomen");
    expect(await auditRows(organisation.id)).toHaveLength(0);
  });

  it("a coordinator of another organisation is refused, and this one does not change", async () => {
    const { organisation } = await organisationWith();
    const other = await organisationWith();
    const before = await storedRow(organisation.id);
    signInAs(await actorOf(other.coordinator));
    expect(await updateOrganisationSettings({ ...unchanged, name: "Overgenomen", tenantId: organisation.id })).toEqual({ ok: false, error: "forbidden" });
    expect(await storedRow(organisation.id)).toEqual(before);
    expect((await storedRow(other.organisation.id)).name).toBe("Samen Sterk");
  });

  it.each([
    { label: "an empty name", input: { name: "   " }, field: "name" },
    { label: "a name of 101 characters", input: { name: "x".repeat(101) }, field: "name" },
    { label: "an email address without a domain", input: { email: "info@" }, field: "email" },
    { label: "a made-up time zone", input: { timeZone: "Europe/Atlantis" }, field: "timeZone" },
    { label: "an offset instead of a zone", input: { timeZone: "+01:00" }, field: "timeZone" },
    { label: "a language we do not offer", input: { locale: "de" }, field: "locale" },
    { label: "weekday 0", input: { hoursDeadlineWeekday: "0" }, field: "hoursDeadlineWeekday" },
    { label: "weekday 8", input: { hoursDeadlineWeekday: "8" }, field: "hoursDeadlineWeekday" },
    { label: "a time of 24:00", input: { hoursDeadlineTime: "24:00" }, field: "hoursDeadlineTime" },
    { label: "a time without minutes", input: { hoursDeadlineTime: "9" }, field: "hoursDeadlineTime" },
    { label: "a time with seconds", input: { hoursDeadlineTime: "09:00:00" }, field: "hoursDeadlineTime" },
    { label: "a reminder 0 hours before", input: { hoursReminderHoursBefore: "0" }, field: "hoursReminderHoursBefore" },
    { label: "a reminder more than a week before", input: { hoursReminderHoursBefore: "169" }, field: "hoursReminderHoursBefore" },
    { label: "a reminder of one and a half hours", input: { hoursReminderHoursBefore: "1.5" }, field: "hoursReminderHoursBefore" },
    { label: "an empty reminder", input: { hoursReminderHoursBefore: "" }, field: "hoursReminderHoursBefore" },
    { label: "a reminder in words", input: { hoursReminderHoursBefore: "een dag" }, field: "hoursReminderHoursBefore" },
  ])("$label is refused with an error on that field, and nothing changes", async ({ input, field }) => {
    const { organisation, admin } = await organisationWith();
    const before = await storedRow(organisation.id);
    signInAs(await actorOf(admin));
    // A valid change beside the bad one: the whole form is refused, not just the bad field.
    const result = await updateOrganisationSettings({ ...unchanged, name: "Nieuwe naam", ...input });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe("invalid");
    expect(Object.keys(result.fieldErrors ?? {})).toEqual([field]);
    expect(await storedRow(organisation.id)).toEqual(before);
    expect(await auditRows(organisation.id)).toHaveLength(0);
  });

  it("the form shows a Dutch error beside each bad field and says nothing was saved", async () => {
    const { organisation, admin } = await organisationWith();
    signInAs(await actorOf(admin));
    const state = await saveOrganisationSettingsForm(
      { status: "idle" },
      formOf({ ...unchanged, email: "geen-adres", timeZone: "Europe/Atlantis", hoursDeadlineTime: "9 uur", hoursReminderHoursBefore: "200" }),
    );
    expect(state).toEqual({
      status: "invalid",
      message: "Er is niets opgeslagen. Controleer de gemarkeerde velden.",
      fieldErrors: {
        email: ["Vul een geldig e-mailadres in, of laat het veld leeg."],
        timeZone: ["Kies een tijdzone uit de lijst."],
        hoursDeadlineTime: ["Vul een tijd in als uu:mm, bijvoorbeeld 09:00."],
        hoursReminderHoursBefore: ["Vul een heel aantal uur in van 1 tot en met 168 (een week)."],
      },
    });
    expect((await storedRow(organisation.id)).email).toBe("info@samensterk.nl");
    expect((await saveOrganisationSettingsForm({ status: "idle" }, formOf({ ...unchanged, name: "Samen Sterker" }))).status).toBe("saved");
  });
});
