// Temporary passwords through the coordinators' actions and the export route, with the real guard and a
// stubbed session: who gets one, what a reset ends, how the password signs in, the file and the audit.
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import type ExcelJSModule from "exceljs";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { countTemporaryPasswords, resetPasswordsAndEmail, sendPersonTemporaryPassword } from "@/lib/accounts/temporary-passwords/actions";
import { resetForExport } from "@/lib/accounts/temporary-passwords/issuing";
import { POST as exportRoute } from "@/app/api/temporary-passwords/export/route";
import type { AccessTarget } from "@/lib/accounts/blocking/schemas";
import { getActorForSession } from "@/lib/accounts/queries";
import { passwordSignInSchema } from "@/lib/accounts/sign-in/schemas";
import { checkPassword } from "@/lib/accounts/sign-in/password-sign-in";
import { hashToken } from "@/lib/accounts/links/tokens";
import { accessTokens, authSessions, users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { auditLog } from "@/lib/db/schema/platform";
import { createMemberWithLogin } from "@/lib/demo/factories";
import { setUpSignedOutDatabase, signInAs } from "@/tests/setup/sign-in-as";
import { openSession } from "@/tests/setup/sessions";
import {
  actorOf,
  createNumberedAccessOrganisation,
  FIXTURE_PASSWORD,
  loginOf,
  outboxFor,
  tokensOf,
  type AccessOrganisation,
  type Member,
} from "./access-fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));
// No request scope in tests: revalidation is a no-op and after() runs its task at once.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));

const ExcelJS = createRequire(import.meta.url)("exceljs") as typeof ExcelJSModule;
const DAY = 24 * 60 * 60 * 1000;
const temporaryPasswordPattern = /\b[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}\b/;

const database = setUpSignedOutDatabase();
const organisation = () => createNumberedAccessOrganisation(database.db);

async function asCoordinatorOf(org: AccessOrganisation): Promise<void> {
  signInAs(await actorOf(org.coordinator));
}

async function confirmAndEmail(target: AccessTarget, onlyNeverSignedIn = false) {
  const preview = await countTemporaryPasswords({ target, delivery: "email", onlyNeverSignedIn });
  if (!preview.ok || preview.value.outcome !== "preview") throw new Error(`preview failed: ${JSON.stringify(preview)}`);
  return resetPasswordsAndEmail({ target, onlyNeverSignedIn, expectedCount: preview.value.affected });
}

async function exportRequest(body: Record<string, unknown>): Promise<Response> {
  const request = new Request("http://localhost:3000/api/temporary-passwords/export", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return exportRoute(request, { params: Promise.resolve({}) });
}

async function confirmAndExport(target: AccessTarget, format: "xlsx" | "csv", onlyNeverSignedIn = false): Promise<Response> {
  const preview = await countTemporaryPasswords({ target, delivery: "export", onlyNeverSignedIn });
  if (!preview.ok || preview.value.outcome !== "preview") throw new Error(`preview failed: ${JSON.stringify(preview)}`);
  return exportRequest({ target, format, onlyNeverSignedIn, expectedCount: preview.value.affected });
}

function signIn(username: string, password: string, now?: Date) {
  return checkPassword(passwordSignInSchema.parse({ username, password }), now);
}

/** Splits CSV text (";" separated, RFC 4180 quotes) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = "";
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ";") {
      row.push(field);
      field = "";
    } else if (char === "\r") continue;
    else if (char === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  return rows;
}

async function memberNamed(org: AccessOrganisation, firstName: string, username: string): Promise<Member> {
  return createMemberWithLogin(database.db, {
    tenantId: org.organisation.id,
    username,
    passwordHash: org.members[0].user.passwordHash,
    person: { firstName, infix: null, lastName: "", email: `${username}@example.org` },
  });
}

describe("who gets a temporary password", () => {
  it("'only who never signed in' touches exactly the accounts with login count 0", async () => {
    const org = await organisation();
    const [signedIn, never] = org.members;
    await database.db.update(users).set({ loginCount: 3 }).where(inArray(users.id, [signedIn.user.id, org.members[2].user.id]));
    await database.db.update(users).set({ loginCount: 0 }).where(inArray(users.id, [never.user.id, org.members[3].user.id]));
    await asCoordinatorOf(org);

    const result = await confirmAndEmail({ kind: "everyone" }, true);

    expect(result.ok).toBe(true);
    const changed = await database.db
      .select({ id: users.id, loginCount: users.loginCount, temporary: users.temporaryPasswordExpiresAt })
      .from(users)
      .where(eq(users.tenantId, org.organisation.id));
    // The coordinator (self), the admin (admins only) and the member without an address are left out anyway.
    const leftOut = new Set([org.coordinator.user.id, org.admin.user.id, org.withoutEmail.user.id]);
    for (const row of changed) expect(row.temporary !== null, `login count ${row.loginCount}`).toBe(row.loginCount === 0 && !leftOut.has(row.id));
    expect(changed.filter((row) => row.temporary !== null).map((row) => row.id).sort()).toEqual([never.user.id, org.members[3].user.id].sort());
    expect((await loginOf(database.db, signedIn)).passwordHash).toBe(signedIn.user.passwordHash);
    expect((await loginOf(database.db, never)).mustChangePassword).toBe(true);
  });

  it("blocked and not-activated accounts are skipped and counted, and keep their password", async () => {
    const org = await organisation();
    const [blocked, pending, active] = org.members;
    await database.db.update(users).set({ status: "blocked" }).where(eq(users.id, blocked.user.id));
    await database.db.update(users).set({ status: "pending" }).where(eq(users.id, pending.user.id));
    await asCoordinatorOf(org);

    const result = await confirmAndEmail({ kind: "selection", personIds: [blocked.person.id, pending.person.id, active.person.id] });

    expect(result).toEqual({ ok: true, value: { outcome: "done", issued: 1, emailed: 1, skipped: { blocked: 1, "not-activated": 1 } } });
    expect((await loginOf(database.db, blocked)).passwordHash).toBe(blocked.user.passwordHash);
    expect((await loginOf(database.db, pending)).passwordHash).toBe(pending.user.passwordHash);
  });

  it("a confirmed count that no longer matches changes nothing", async () => {
    const org = await organisation();
    await asCoordinatorOf(org);

    const result = await resetPasswordsAndEmail({ target: { kind: "group", groupId: org.group.id }, expectedCount: 5 });

    expect(result).toEqual({ ok: true, value: { outcome: "refused", reason: "countChanged", count: 2, skipped: {} } });
    expect((await loginOf(database.db, org.members[0])).temporaryPasswordExpiresAt).toBeNull();
  });
});

describe("what a reset ends", () => {
  it("a reset kills the old password, the open sessions and the 7-day links of those accounts, and no one else's", async () => {
    const org = await organisation();
    const [reset, untouched] = org.members;
    const claims = await openSession(reset.user);
    const otherClaims = await openSession(untouched.user);
    for (const member of [reset, untouched]) {
      await database.db.insert(accessTokens).values({
        userId: member.user.id,
        tenantId: member.user.tenantId,
        purpose: "sign_in",
        tokenHash: hashToken(randomUUID()),
        expiresAt: new Date(Date.now() + 7 * DAY),
      });
    }
    await asCoordinatorOf(org);

    const result = await confirmAndEmail({ kind: "person", personId: reset.person.id });

    expect(result).toEqual({ ok: true, value: { outcome: "done", issued: 1, emailed: 1, skipped: {} } });
    expect(await signIn(reset.user.username, FIXTURE_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await getActorForSession(claims)).toBeNull();
    expect(await database.db.select().from(authSessions).where(eq(authSessions.userId, reset.user.id))).toHaveLength(0);
    expect((await loginOf(database.db, reset)).sessionVersion).toBe(reset.user.sessionVersion + 1);
    expect((await tokensOf(database.db, reset)).every((token) => token.revokedAt !== null)).toBe(true);

    expect(await getActorForSession(otherClaims)).not.toBeNull();
    expect((await tokensOf(database.db, untouched)).every((token) => token.revokedAt === null)).toBe(true);
    expect((await signIn(untouched.user.username, FIXTURE_PASSWORD)).ok).toBe(true);
  });
});

/** The temporary password the coordinator's export at `now` gives `member`. */
async function exportTemporaryPassword(org: AccessOrganisation, member: Member, format: "csv" | "xlsx", now: Date): Promise<string> {
  const exported = await resetForExport(org.organisation.id, await actorOf(org.coordinator), {
    target: { kind: "person", personId: member.person.id },
    onlyNeverSignedIn: false,
    expectedCount: 1,
    format,
  }, now);
  const [{ temporaryPassword }] = exported.rows;
  return temporaryPassword;
}

describe("signing in with a temporary password", () => {
  it("a temporary password signs in once, forces a new password, and not a second time", async () => {
    const org = await organisation();
    const member = org.members[0];
    const now = new Date();
    const temporaryPassword = await exportTemporaryPassword(org, member, "csv", now);
    expect(temporaryPassword).toMatch(temporaryPasswordPattern);
    expect((await loginOf(database.db, member)).passwordHash).not.toContain(temporaryPassword);

    expect((await signIn(member.user.username, temporaryPassword, new Date(now.getTime() + 60_000))).ok).toBe(true);
    const login = await loginOf(database.db, member);
    expect(login.mustChangePassword).toBe(true);
    expect(login.temporaryPasswordUsedAt).not.toBeNull();
    expect(await signIn(member.user.username, temporaryPassword, new Date(now.getTime() + 120_000))).toEqual({ ok: false, reason: "temporaryUsed" });
  });

  it("a temporary password no longer signs in after 14 days", async () => {
    const org = await organisation();
    const member = org.members[0];
    const now = new Date();
    const temporaryPassword = await exportTemporaryPassword(org, member, "xlsx", now);

    expect(await signIn(member.user.username, temporaryPassword, new Date(now.getTime() + 14 * DAY + 1_000))).toEqual({ ok: false, reason: "temporaryExpired" });
    expect(await signIn(member.user.username, "abcd-efgh-jkmn", new Date(now.getTime() + DAY))).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("save and send password for one member", () => {
  it("the invitation with username and temporary password is in the outbox, and that password signs in", async () => {
    const org = await organisation();
    const member = org.members[1];
    await asCoordinatorOf(org);

    const result = await sendPersonTemporaryPassword({ personId: member.person.id });

    expect(result).toEqual({ ok: true, value: { outcome: "done", issued: 1, emailed: 1, skipped: {} } });
    const mails = (await outboxFor(database.db, member)).filter((mail) => mail.template === "invitation");
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(member.user.username);
    expect(mails[0].html).toContain("/sign-in");
    const password = temporaryPasswordPattern.exec(mails[0].text)?.[0];
    expect(password).toBeDefined();
    expect((await signIn(member.user.username, password ?? "")).ok).toBe(true);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.targetPersonId, member.person.id), eq(auditLog.action, "account.temporary-password-sent")));
    expect(audit).toHaveLength(1);
    expect(audit[0].actorUserId).toBe(org.coordinator.user.id);
  });

  it("a member without an email address gets no password and the coordinator hears why", async () => {
    const org = await organisation();
    await asCoordinatorOf(org);

    expect(await sendPersonTemporaryPassword({ personId: org.withoutEmail.person.id })).toEqual({ ok: true, value: { outcome: "refused", reason: "noEmail" } });
  });

  it("a coordinator cannot reset an admin's password", async () => {
    const org = await organisation();
    await asCoordinatorOf(org);
    expect(await sendPersonTemporaryPassword({ personId: org.admin.person.id })).toEqual({ ok: true, value: { outcome: "refused", reason: "adminOnly" } });
  });
});

describe("bulk reset by email", () => {
  it("writes one invitation per person in the outbox and one logins.reset audit row with the counts", async () => {
    const org = await organisation();
    await asCoordinatorOf(org);

    const result = await confirmAndEmail({ kind: "everyone" });

    // Everyone except the coordinator (self), the admin (admins only) and the member without an address.
    expect(result).toEqual({ ok: true, value: { outcome: "done", issued: 4, emailed: 4, skipped: { self: 1, "admin-only": 1, "no-email": 1 } } });
    for (const member of org.members) expect((await outboxFor(database.db, member)).map((mail) => mail.template)).toContain("invitation");
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.tenantId, org.organisation.id), eq(auditLog.action, "logins.reset")));
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ via: "everyone", issued: 4, emailed: 4, skipped: { self: 1, "admin-only": 1, "no-email": 1 } });
  });
});

describe("reset and export", () => {
  it("the xlsx file keeps formula-like names as text cells with the exact characters", async () => {
    const org = await organisation();
    const formula = await memberNamed(org, '=HYPERLINK("http://x","klik")', `formula${org.number}`);
    const phone = await memberNamed(org, "+31 6 12345678", `phone${org.number}`);
    await asCoordinatorOf(org);

    const response = await confirmAndExport({ kind: "selection", personIds: [formula.person.id, phone.person.id, org.members[0].person.id] }, "xlsx");

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const cells = new Map<string, ExcelJSModule.Cell>();
    sheet.eachRow((row) => cells.set(String(row.getCell(2).value), row.getCell(1)));
    for (const [username, name] of [
      [formula.user.username, '=HYPERLINK("http://x","klik")'],
      [phone.user.username, "+31 6 12345678"],
    ]) {
      const cell = cells.get(username);
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(cell?.value).toBe(name);
      expect(cell?.formula).toBeUndefined();
    }
    expect(sheet.rowCount).toBe(4);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.tenantId, org.organisation.id), eq(auditLog.action, "logins.exported")));
    expect(audit).toHaveLength(1);
    expect(audit[0].actorUserId).toBe(org.coordinator.user.id);
    expect(audit[0].createdAt).toBeInstanceOf(Date);
    expect(audit[0].details).toMatchObject({ via: "selection", format: "xlsx", count: 3 });
  });

  it("the CSV read as text starts formula-like cells with a single quote, and its passwords sign in", async () => {
    const org = await organisation();
    const formula = await memberNamed(org, '=HYPERLINK("http://x","klik")', `formula${org.number}`);
    const phone = await memberNamed(org, "+31 6 12345678", `phone${org.number}`);
    await asCoordinatorOf(org);

    const response = await confirmAndExport({ kind: "selection", personIds: [formula.person.id, phone.person.id] }, "csv");

    expect(response.status).toBe(200);
    const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    const byUsername = new Map(rows.map((row) => [row[1], row]));
    expect(byUsername.get(formula.user.username)?.[0]).toBe(`'=HYPERLINK("http://x","klik")`);
    expect(byUsername.get(phone.user.username)?.[0]).toBe("'+31 6 12345678");
    const password = byUsername.get(phone.user.username)?.[3] ?? "";
    expect((await signIn(phone.user.username, password)).ok).toBe(true);
  });

  it("2,000 accounts are reset and exported in one call", { timeout: 120_000 }, async () => {
    const org = await organisation();
    const tenantId = org.organisation.id;
    const count = 2_000;
    const inserted = await database.db
      .insert(people)
      .values(Array.from({ length: count }, (_, i) => ({ tenantId, firstName: `Lid`, lastName: `Nummer ${i}`, email: `bulk-${org.number}-${i}@example.org` })))
      .returning({ id: people.id });
    await database.db.insert(users).values(
      inserted.map((person, i) => ({ tenantId, personId: person.id, username: `bulk-${org.number}-${i}`, passwordHash: org.members[0].user.passwordHash, status: "active" as const })),
    );
    await asCoordinatorOf(org);
    const started = Date.now();

    const response = await confirmAndExport({ kind: "everyone" }, "csv", true);

    expect(response.status).toBe(200);
    expect(Number(response.headers.get("x-issued-count"))).toBeGreaterThanOrEqual(count);
    const rows = parseCsv(await response.text());
    expect(rows.length - 1).toBeGreaterThanOrEqual(count);
    expect(Date.now() - started).toBeLessThan(60_000);
    const stillTheirOwn = await database.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.passwordHash, org.members[0].user.passwordHash ?? "")));
    // Only the coordinator (self) and the admin (admins only) keep their password.
    expect(stillTheirOwn).toHaveLength(2);
  });
});

describe("who may issue temporary passwords", () => {
  it("a coordinator of another organisation gets notFound from every action and the route", async () => {
    const one = await organisation();
    const two = await organisation();
    await asCoordinatorOf(two);
    const target = { kind: "person", personId: one.members[0].person.id } as const;

    expect(await countTemporaryPasswords({ target, delivery: "email" })).toMatchObject({ ok: false, error: "notFound" });
    expect(await resetPasswordsAndEmail({ target, expectedCount: 1 })).toMatchObject({ ok: false, error: "notFound" });
    expect(await sendPersonTemporaryPassword({ personId: one.members[0].person.id })).toMatchObject({ ok: false, error: "notFound" });
    expect(await resetPasswordsAndEmail({ target: { kind: "group", groupId: one.group.id }, expectedCount: 2 })).toMatchObject({ ok: false, error: "notFound" });
    expect((await exportRequest({ target, format: "xlsx", expectedCount: 1 })).status).toBe(404);
    expect((await loginOf(database.db, one.members[0])).passwordHash).toBe(one.members[0].user.passwordHash);
  });

  it("a member is refused by every action and the route", async () => {
    const org = await organisation();
    signInAs(await actorOf(org.members[0]));
    const target = { kind: "person", personId: org.members[1].person.id } as const;

    expect(await countTemporaryPasswords({ target, delivery: "email" })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await resetPasswordsAndEmail({ target, expectedCount: 1 })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await sendPersonTemporaryPassword({ personId: org.members[1].person.id })).toMatchObject({ ok: false, error: "forbidden" });
    expect((await exportRequest({ target: { kind: "everyone" }, format: "csv", expectedCount: 1 })).status).toBe(403);
    expect((await loginOf(database.db, org.members[1])).passwordHash).toBe(org.members[1].user.passwordHash);
  });
});
