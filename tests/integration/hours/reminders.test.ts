// The hours reminder: once a week has ended and its deadline is near, members who worked hours that week
// and have not confirmed them get one email with the week, the deadline and a sign-in button to the
// week, in their own language. Never twice for the same week, also when two runs overlap; never before
// the reminder moment or after the deadline; each organisation on its own settings. Every test uses a
// week of its own, so the organisations of other tests have no hours in it.
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as runHoursRemindersCron, POST as runHoursRemindersCronPost } from "@/app/api/cron/hours-reminders/route";
import { people } from "@/lib/db/schema/people";
import { resetEnvCache } from "@/lib/env";
import { sendHoursReminders } from "@/lib/hours/reminders";
import { extractLinks } from "@/lib/mail/preview";
import { setUpTestDatabase } from "@/tests/setup/database";
import {
  amsterdam,
  createHoursOrganisation,
  markNoShow,
  memberWithLogin,
  memberWithoutLogin,
  remindersTo,
  setWeekStatus,
  signInLinksOf,
  weekRowOf,
  putOnShift,
  type HoursPerson,
} from "./fixtures";

/** listWorkedHours fails for this organisation, as a broken database read would. */
let failingTenant: string | null = null;
vi.mock("@/lib/hours/queries", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/hours/queries")>();
  return {
    ...original,
    listWorkedHours: (tenantId: string, ...rest: Parameters<typeof original.listWorkedHours> extends [string, ...infer R] ? R : never) => {
      if (tenantId === failingTenant) return Promise.reject(new Error("the database is unreachable"));
      return original.listWorkedHours(tenantId, ...rest);
    },
  };
});

const database = setUpTestDatabase();
const savedCronSecret = process.env.CRON_SECRET;

afterEach(() => {
  failingTenant = null;
  vi.useRealTimers();
  if (savedCronSecret === undefined) delete process.env.CRON_SECRET;
  else process.env.CRON_SECRET = savedCronSecret;
  resetEnvCache();
});

async function reminderCounts(members: readonly HoursPerson[]): Promise<number[]> {
  return Promise.all(members.map(async (member) => (await remindersTo(database.db, member)).length));
}

describe("who is reminded", () => {
  // Week 48: Monday 23 to Sunday 29 November 2026; the default deadline is Monday 30 November 09:00.
  const week = "2026-11-23";
  const now = amsterdam("2026-11-30", "08:15");

  it("a member with hours who has not confirmed gets one reminder with the week, the deadline and a sign-in button to the week; the others get none", async () => {
    const org = await createHoursOrganisation(database.db, { name: "De Linde", memberCount: 0 });
    const anna = await memberWithLogin(database.db, org, "Anna");
    const confirmed = await memberWithLogin(database.db, org, "Bram");
    const approved = await memberWithLogin(database.db, org, "Lotte");
    const withoutHours = await memberWithLogin(database.db, org, "Cor");
    const noShow = await memberWithLogin(database.db, org, "Daan");
    const withoutEmail = await memberWithLogin(database.db, org, "Eva", { person: { email: null } });
    const merged = await memberWithLogin(database.db, org, "Gijs");
    await database.db.update(people).set({ mergedIntoId: anna.person.id }).where(eq(people.id, merged.person.id));
    const english = await memberWithLogin(database.db, org, "James", { login: { locale: "en" } });
    const withoutLogin = await memberWithoutLogin(database.db, org, "Kees");
    const blocked = await memberWithLogin(database.db, org, "Noor", { login: { status: "blocked" } });

    await putOnShift(database.db, org, [anna, confirmed, approved, withoutEmail, merged, english, withoutLogin, blocked], { day: "2026-11-25" });
    const missed = await putOnShift(database.db, org, [noShow], { day: "2026-11-26" });
    await markNoShow(database.db, missed, noShow);
    // Hours in other weeks do not make this week due.
    await putOnShift(database.db, org, [withoutHours], { day: "2026-10-21" });
    await putOnShift(database.db, org, [withoutHours], { day: "2027-01-06" });
    await setWeekStatus(database.db, confirmed, week, "confirmed", { at: amsterdam("2026-11-29", "20:00") });
    await setWeekStatus(database.db, approved, week, "approved", { at: amsterdam("2026-11-29", "21:00") });

    const report = await sendHoursReminders(now);

    expect(report).toMatchObject({ organisations: 1, reminded: 4, failed: 0, deferred: 0 });
    expect(report.mailIds).toHaveLength(4);
    expect(await reminderCounts([anna, english, withoutLogin, blocked])).toEqual([1, 1, 1, 1]);
    expect(await reminderCounts([confirmed, approved, withoutHours, noShow, withoutEmail, merged])).toEqual([0, 0, 0, 0, 0, 0]);

    const [mail] = await remindersTo(database.db, anna);
    expect(mail.toAddress).toBe("anna@example.org");
    expect(mail.subject).toBe("Wil je je uren van week 48 (23–29 november) bevestigen?");
    expect(mail.text).toContain("Hoi Anna,");
    expect(mail.text).toContain("Dat kan tot maandag 30 november 09:00.");
    expect(mail.html).toContain("Uren bekijken");
    // Her button is her own sign-in link, which lands on the week.
    expect(extractLinks(mail.html).some((link) => link.includes("/l/"))).toBe(true);
    expect(await signInLinksOf(database.db, anna.user!.id)).toMatchObject([
      { destination: `/my/hours/${week}`, expiresAt: new Date(now.getTime() + 7 * 24 * 3_600_000) },
    ]);
    expect(await weekRowOf(database.db, anna, week)).toMatchObject({ status: "open", reminderSentAt: now, confirmedAt: null });

    const [englishMail] = await remindersTo(database.db, english);
    expect(englishMail.subject).toBe("Please confirm your hours of week 48 (23–29 November)");
    expect(englishMail.text).toContain("You can do so until Monday 30 November 09:00.");

    // Without an active login the button opens the week's page, which asks to sign in.
    for (const member of [withoutLogin, blocked]) {
      const [plain] = await remindersTo(database.db, member);
      const links = extractLinks(plain.html);
      expect(links.some((link) => link.endsWith(`/my/hours/${week}`))).toBe(true);
      expect(links.some((link) => link.includes("/l/"))).toBe(false);
    }
    expect(await signInLinksOf(database.db, blocked.user!.id)).toEqual([]);

    // Confirmed and approved weeks keep their state; no row is made for those who were not reminded.
    expect(await weekRowOf(database.db, confirmed, week)).toMatchObject({ status: "confirmed", reminderSentAt: null });
    expect(await weekRowOf(database.db, approved, week)).toMatchObject({ status: "approved", reminderSentAt: null });
    expect(await weekRowOf(database.db, withoutEmail, week)).toBeNull();
    expect(await weekRowOf(database.db, noShow, week)).toBeNull();
  });

  it("a member of an organisation with a later deadline is reminded at that organisation's moment, not at another's", async () => {
    const org = await createHoursOrganisation(database.db, { name: "Het Anker", memberCount: 0, hoursDeadline: { weekday: 5, time: "09:00" } });
    const piet = await memberWithLogin(database.db, org, "Piet");
    await putOnShift(database.db, org, [piet], { day: "2026-11-24" });

    expect((await sendHoursReminders(now)).reminded).toBe(0);
    expect(await remindersTo(database.db, piet)).toHaveLength(0);

    expect(await sendHoursReminders(amsterdam("2026-12-03", "09:15"))).toMatchObject({ organisations: 1, reminded: 1 });
    const [mail] = await remindersTo(database.db, piet);
    expect(mail.text).toContain("Dat kan tot vrijdag 4 december 09:00.");
  });
});

describe("when the reminder goes out", () => {
  it("not before the week has ended and not from the deadline on; in between, once", async () => {
    // Week 47: 16 to 22 November; deadline Monday 23 November 09:00. 24 hours before is Sunday 09:00,
    // but the week is still going then: the reminder waits for Monday 00:00.
    const org = await createHoursOrganisation(database.db, { name: "Tijdstip", memberCount: 0 });
    const anna = await memberWithLogin(database.db, org, "Anna");
    await putOnShift(database.db, org, [anna], { day: "2026-11-18" });

    for (const moment of [amsterdam("2026-11-22", "09:00"), amsterdam("2026-11-22", "23:59"), amsterdam("2026-11-23", "09:00"), amsterdam("2026-11-23", "12:00")]) {
      expect((await sendHoursReminders(moment)).reminded).toBe(0);
    }
    expect(await remindersTo(database.db, anna)).toHaveLength(0);
    expect(await weekRowOf(database.db, anna, "2026-11-16")).toBeNull();

    expect((await sendHoursReminders(amsterdam("2026-11-23", "00:00"))).reminded).toBe(1);
    expect((await sendHoursReminders(amsterdam("2026-11-23", "08:59"))).reminded).toBe(0);
    expect(await remindersTo(database.db, anna)).toHaveLength(1);
  });

  it("the organisation's setting moves the moment: 48 hours before a Wednesday 12:00 deadline is Monday 12:00", async () => {
    // Week 49: 30 November to 6 December 2026.
    const org = await createHoursOrganisation(database.db, { name: "Woensdag", memberCount: 0, hoursDeadline: { weekday: 3, time: "12:00" }, hoursReminderHoursBefore: 48 });
    const anna = await memberWithLogin(database.db, org, "Anna");
    await putOnShift(database.db, org, [anna], { day: "2026-12-02" });

    expect((await sendHoursReminders(amsterdam("2026-12-07", "08:15"))).reminded).toBe(0);
    expect((await sendHoursReminders(amsterdam("2026-12-07", "11:59"))).reminded).toBe(0);
    expect((await sendHoursReminders(amsterdam("2026-12-07", "12:00"))).reminded).toBe(1);

    const [mail] = await remindersTo(database.db, anna);
    expect(mail.subject).toBe("Wil je je uren van week 49 (30 november – 6 december) bevestigen?");
    expect(mail.text).toContain("Dat kan tot woensdag 9 december 12:00.");
  });

  it("48 hours before a Tuesday 12:00 deadline falls on Sunday, inside the week: the reminder goes out when the week has ended", async () => {
    const org = await createHoursOrganisation(database.db, { name: "Dinsdag", memberCount: 0, hoursDeadline: { weekday: 2, time: "12:00" }, hoursReminderHoursBefore: 48 });
    const anna = await memberWithLogin(database.db, org, "Anna");
    await putOnShift(database.db, org, [anna], { day: "2026-12-01" });

    expect((await sendHoursReminders(amsterdam("2026-12-06", "12:00"))).reminded).toBe(0);
    expect((await sendHoursReminders(amsterdam("2026-12-07", "00:15"))).reminded).toBe(1);
    const [mail] = await remindersTo(database.db, anna);
    expect(mail.text).toContain("Dat kan tot dinsdag 8 december 12:00.");
  });
});

describe("exactly one reminder per member and week", () => {
  it("running again an hour later sends nothing more", async () => {
    // Week 50: 7 to 13 December; deadline Monday 14 December 09:00.
    const org = await createHoursOrganisation(database.db, { name: "Tweemaal", memberCount: 0 });
    const members = [await memberWithLogin(database.db, org, "Anna"), await memberWithoutLogin(database.db, org, "Bram")];
    await putOnShift(database.db, org, members, { day: "2026-12-09" });

    expect((await sendHoursReminders(amsterdam("2026-12-14", "07:15"))).reminded).toBe(2);
    expect(await sendHoursReminders(amsterdam("2026-12-14", "08:15"))).toMatchObject({ reminded: 0, mailIds: [] });
    expect(await reminderCounts(members)).toEqual([1, 1]);
    // The row keeps the moment of the one reminder.
    expect((await weekRowOf(database.db, members[0], "2026-12-07"))?.reminderSentAt).toEqual(amsterdam("2026-12-14", "07:15"));
  });

  it("two runs at once send each of 12 members exactly one reminder", async () => {
    // Week 51: 14 to 20 December; deadline Monday 21 December 09:00.
    const org = await createHoursOrganisation(database.db, { name: "Tegelijk", memberCount: 0 });
    const members: HoursPerson[] = [];
    for (let n = 1; n <= 12; n += 1) members.push(await memberWithLogin(database.db, org, `Lid${n}`));
    await putOnShift(database.db, org, members.slice(0, 6), { day: "2026-12-16" });
    await putOnShift(database.db, org, members.slice(6), { day: "2026-12-19", from: "14:00" });
    const now = amsterdam("2026-12-21", "08:15");

    const reports = await Promise.all([sendHoursReminders(now), sendHoursReminders(now)]);

    expect(reports[0].reminded + reports[1].reminded).toBe(12);
    expect(reports[0].failed + reports[1].failed).toBe(0);
    expect(await reminderCounts(members)).toEqual(members.map(() => 1));
    for (const member of members) expect((await weekRowOf(database.db, member, "2026-12-14"))?.reminderSentAt).toEqual(now);
  });

  it("a large organisation is claimed and mailed in chunks; two runs at once still send one reminder each", async () => {
    // Week 2 of 2027: 11 to 17 January; deadline Monday 18 January 09:00.
    const org = await createHoursOrganisation(database.db, { name: "In delen", memberCount: 0 });
    const members: HoursPerson[] = [];
    for (let n = 1; n <= 7; n += 1) members.push(await memberWithLogin(database.db, org, `Deel${n}`));
    const confirmed = await memberWithLogin(database.db, org, "Bevestigd");
    await putOnShift(database.db, org, [...members, confirmed], { day: "2027-01-13" });
    await setWeekStatus(database.db, confirmed, "2027-01-11", "confirmed", { at: amsterdam("2027-01-17", "20:00") });
    const now = amsterdam("2027-01-18", "08:15");

    const reports = await Promise.all([sendHoursReminders(now, { claimChunk: 3 }), sendHoursReminders(now, { claimChunk: 3 })]);

    expect(reports[0].reminded + reports[1].reminded).toBe(7);
    expect(await reminderCounts(members)).toEqual(members.map(() => 1));
    expect(await reminderCounts([confirmed])).toEqual([0]);
  });
});

describe("a run that cannot finish", () => {
  it("one organisation's failure is reported and the others are reminded; the failed one is reminded on the next run", async () => {
    // Week 52: 21 to 27 December; deadline Monday 28 December 09:00.
    const broken = await createHoursOrganisation(database.db, { name: "Storing", memberCount: 0 });
    const fine = await createHoursOrganisation(database.db, { name: "In orde", memberCount: 0 });
    const inBroken = await memberWithLogin(database.db, broken, "Anna");
    const inFine = await memberWithLogin(database.db, fine, "Bram");
    await putOnShift(database.db, broken, [inBroken], { day: "2026-12-23" });
    await putOnShift(database.db, fine, [inFine], { day: "2026-12-23" });
    failingTenant = broken.organisation.id;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});

    expect(await sendHoursReminders(amsterdam("2026-12-28", "07:15"))).toMatchObject({ organisations: 1, reminded: 1, failed: 1 });
    expect(await reminderCounts([inBroken, inFine])).toEqual([0, 1]);
    expect(errors).toHaveBeenCalledWith(`Hours reminders failed for organisation ${broken.organisation.id}`, expect.any(Error));
    errors.mockRestore();

    failingTenant = null;
    expect(await sendHoursReminders(amsterdam("2026-12-28", "08:15"))).toMatchObject({ organisations: 1, reminded: 1, failed: 0 });
    expect(await reminderCounts([inBroken, inFine])).toEqual([1, 1]);
  });

  it("a run without time left claims nothing and leaves the reminders to the next run", async () => {
    // Week 46: 9 to 15 November; deadline Monday 16 November 09:00.
    const org = await createHoursOrganisation(database.db, { name: "Geen tijd", memberCount: 0 });
    const anna = await memberWithLogin(database.db, org, "Anna");
    await putOnShift(database.db, org, [anna], { day: "2026-11-11" });
    const now = amsterdam("2026-11-16", "07:15");

    const report = await sendHoursReminders(now, { budgetMs: 0 });
    expect(report.reminded).toBe(0);
    expect(report.deferred).toBeGreaterThan(0);
    expect(await weekRowOf(database.db, anna, "2026-11-09")).toBeNull();

    expect((await sendHoursReminders(now)).reminded).toBe(1);
    expect(await remindersTo(database.db, anna)).toHaveLength(1);
  });
});

describe("the hours-reminders cron route", () => {
  function cronRequest(method: "GET" | "POST", authorization?: string) {
    return new Request("http://localhost:3000/api/cron/hours-reminders", { method, headers: authorization ? { authorization } : {} });
  }

  it.each([
    { label: "without a secret", authorization: undefined },
    { label: "with the wrong secret", authorization: "Bearer not-the-secret" },
    { label: "with the secret as a prefix", authorization: "Bearer test-cron-secret-and-more" },
  ])("refuses a call $label and reminds nobody", async ({ authorization }) => {
    process.env.CRON_SECRET = "test-cron-secret";
    resetEnvCache();
    // Week 45: 2 to 8 November; deadline Monday 9 November 09:00.
    const org = await createHoursOrganisation(database.db, { name: "Geweigerd", memberCount: 0 });
    const anna = await memberWithLogin(database.db, org, "Anna");
    await putOnShift(database.db, org, [anna], { day: "2026-11-04" });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(amsterdam("2026-11-09", "08:15"));

    const response = await runHoursRemindersCron(cronRequest("GET", authorization));

    expect(response.status).toBe(401);
    expect(await remindersTo(database.db, anna)).toHaveLength(0);
    expect(await weekRowOf(database.db, anna, "2026-11-02")).toBeNull();
  });

  it("with the secret it sends the reminders that are due (GET from Vercel Cron, or POST)", async () => {
    process.env.CRON_SECRET = "test-cron-secret";
    resetEnvCache();
    // Week 44: 26 October to 1 November; deadline Monday 2 November 09:00.
    const org = await createHoursOrganisation(database.db, { name: "Geplande taak", memberCount: 0 });
    const anna = await memberWithLogin(database.db, org, "Anna");
    await putOnShift(database.db, org, [anna], { day: "2026-10-28" });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(amsterdam("2026-11-02", "08:15"));

    const response = await runHoursRemindersCron(cronRequest("GET", "Bearer test-cron-secret"));

    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toEqual({ reminded: 1, organisations: 1, failed: 0, deferred: 0, emails: 1 });
    const [mail] = await remindersTo(database.db, anna);
    expect(mail.subject).toBe("Wil je je uren van week 44 (26 oktober – 1 november) bevestigen?");

    const again = await runHoursRemindersCronPost(cronRequest("POST", "Bearer test-cron-secret"));
    expect(await again.json()).toMatchObject({ reminded: 0, emails: 0 });
    expect(await remindersTo(database.db, anna)).toHaveLength(1);
  });
});
