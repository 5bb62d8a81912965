// What the two-instance journeys share: the addresses of the two servers (A behind the mailbox proxy,
// B direct), phones signed in on them, and a look into the one database both use. Both servers sign
// their cookies with one secret and keep sessions in that database, and a browser sends a cookie of
// 127.0.0.1 to every port of it: a phone signed in on A is signed in on B too.
import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD } from "@/lib/demo/logins";
import { resolveProfileFieldSettings } from "@/lib/people/rules";
import type { OrganisationSettings } from "@/lib/db/schema/tenancy";
import { mailboxQuery, type MailboxMessage } from "../../e2e/support/mailbox";
import { newPhone } from "../../e2e/support/phone";
import { signInByLoginEmail as signInWithLoginEmail, signInWithPassword } from "../../e2e/support/sign-in";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these journeys through \`npm test -- --only=build,instances\``);
  return value;
}

/** Instance A, behind the proxy that also answers /dev/mail.json for mail of both instances. */
export const instanceA = () => required("INSTANCE_A_URL");
/** Instance B, a second server process on the same database, with a cache of its own. */
export const instanceB = () => required("INSTANCE_B_URL");

/** A phone: a fresh browser with no cookies, the screen of the e2e phone project; relative paths open on `baseURL`. */
export { newPhone };

/** The demo member, Sanne, signs in with her password on the phone's own instance. */
export async function signInDemoMember(page: Page): Promise<void> {
  await signInWithPassword(page, "demo.lid", DEMO_PASSWORD, "tap");
  await expect(page).toHaveURL(/\/my(\?|$)/);
  await expect(page.getByText("Hallo Sanne")).toBeVisible();
}

export function mailbox(page: Page, query: string): Promise<MailboxMessage[]> {
  return mailboxQuery(page, query, instanceA());
}

/** Signs a member in with a login email's button on the page's own instance; mail is read on A's mailbox. */
export function signInByLoginEmail(page: Page, member: { email: string; firstName: string }): Promise<void> {
  return signInWithLoginEmail(page, member, (query) => mailbox(page, query));
}

export type Member = {
  personId: string;
  firstName: string;
  /** The display name, with tussenvoegsel. */
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  postcode: string | null;
  /** yyyy-mm-dd */
  birthDate: string | null;
};

export type DemoPeople = {
  /** The demo member with a password (demo.lid), on several coming shifts. */
  sanne: Member;
  /**
   * A plain member with an email address of her own, in the same groups as Sanne (so she could take
   * the places Sanne can), on none of Sanne's coming shifts.
   */
  colleague: Member & { email: string };
  /** A third current member, whose page both look at. */
  third: Member;
  /** The fields every member sees of a colleague (the organisation's choice). */
  visibleToColleagues: Set<string>;
};

async function withDatabase<T>(read: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: required("INSTANCES_DATABASE_URL") });
  await client.connect();
  try {
    return await read(client);
  } finally {
    await client.end();
  }
}

type PersonRow = {
  id: string;
  first_name: string;
  infix: string | null;
  last_name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  postcode: string | null;
  birth_date: string | null;
};

const personColumns = "p.id, p.first_name, p.infix, p.last_name, p.email, p.phone, p.address, p.postcode, p.birth_date::text AS birth_date";

function memberOf(row: PersonRow): Member {
  const name = [row.first_name, row.infix, row.last_name].filter(Boolean).join(" ");
  return {
    personId: row.id,
    firstName: row.first_name,
    name,
    email: row.email,
    phone: row.phone,
    address: row.address,
    postcode: row.postcode,
    birthDate: row.birth_date,
  };
}

/** The two members the journeys use, read from the seeded database (read only). */
export function readDemoPeople(): Promise<DemoPeople> {
  return withDatabase(async (client) => {
    const sanne = await client.query<PersonRow & { settings: OrganisationSettings | null }>(
      `SELECT ${personColumns}, o.settings
         FROM users u JOIN people p ON p.id = u.person_id JOIN organisations o ON o.id = p.tenant_id
        WHERE lower(u.username) = 'demo.lid'`,
    );
    if (sanne.rows.length !== 1) throw new Error("the demo member demo.lid is missing: was the demo seeded?");
    const colleague = await client.query<PersonRow>(
      `SELECT ${personColumns}
         FROM people p
        WHERE p.tenant_id = (SELECT tenant_id FROM people WHERE id = $1)
          AND p.id <> $1 AND p.role = 'member' AND p.end_date IS NULL
          AND p.email IS NOT NULL AND p.phone IS NOT NULL
          AND (SELECT count(*) FROM people q WHERE lower(q.email) = lower(p.email)) = 1
          AND NOT EXISTS (
                SELECT 1 FROM group_members mine
                 WHERE mine.person_id = $1
                   AND NOT EXISTS (SELECT 1 FROM group_members theirs WHERE theirs.person_id = p.id AND theirs.group_id = mine.group_id))
          AND NOT EXISTS (
                SELECT 1 FROM assignments a JOIN assignments b ON b.shift_id = a.shift_id JOIN shifts s ON s.id = a.shift_id
                 WHERE a.person_id = $1 AND b.person_id = p.id AND s.starts_at > now())
        ORDER BY p.last_name, p.first_name
        LIMIT 1`,
      [sanne.rows[0].id],
    );
    if (colleague.rows.length !== 1) throw new Error("the demo has no plain member in Sanne's groups who shares no coming shift with her");
    const third = await client.query<PersonRow>(
      `SELECT ${personColumns}
         FROM people p
        WHERE p.tenant_id = (SELECT tenant_id FROM people WHERE id = $1)
          AND p.id <> $1 AND p.id <> $2 AND p.role = 'member' AND p.end_date IS NULL
        ORDER BY p.last_name, p.first_name
        LIMIT 1`,
      [sanne.rows[0].id, colleague.rows[0].id],
    );
    const settings = resolveProfileFieldSettings(sanne.rows[0].settings);
    return {
      sanne: memberOf(sanne.rows[0]),
      colleague: memberOf(colleague.rows[0]) as Member & { email: string },
      third: memberOf(third.rows[0]),
      visibleToColleagues: new Set(settings.visible),
    };
  });
}

/**
 * The two instances' journeys' opening: Sanne signed in on her phone against A, and a colleague (who
 * could take the same shifts) on theirs against B.
 */
export async function sanneOnAColleagueOnB(browser: Browser): Promise<{ A: string; B: string; sanne: Page; other: Page; colleague: Member }> {
  const { colleague } = await readDemoPeople();
  const A = instanceA();
  const B = instanceB();
  const sanne = await (await newPhone(browser, A)).newPage();
  await signInDemoMember(sanne);
  const other = await (await newPhone(browser, B)).newPage();
  await signInByLoginEmail(other, colleague);
  return { A, B, sanne, other, colleague };
}

/**
 * Whether a shift card carries the reader's own mark ("Jij staat hierop"), written in the card or
 * drawn by a style rule for this reader's cards (which leaves the shared list itself untouched).
 */
export async function markedAsMine(card: Locator): Promise<boolean> {
  return card.evaluate((element) => {
    const mark = "Jij staat hierop";
    const drawn = [getComputedStyle(element, "::before").content, getComputedStyle(element, "::after").content];
    return (element.textContent ?? "").includes(mark) || drawn.some((content) => content.includes(mark));
  });
}
