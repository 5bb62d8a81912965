// An organisation as the access tests need it: a coordinator, an admin, members with logins (one
// without an email address), a group, plus helpers to sign in as anyone and read back their login.
import { eq } from "drizzle-orm";
import { getActorForSession, type Actor } from "@/lib/accounts/queries";
import { hashPassword } from "@/lib/accounts/passwords/hashing";
import type { Db } from "@/lib/db/client";
import { accessTokens, users } from "@/lib/db/schema/accounts";
import { outbox, auditLog } from "@/lib/db/schema/platform";
import { withMailBodies } from "@/tests/setup/mail-bodies";
import {
  addPersonToGroup,
  createGroup,
  createMemberWithLogin,
  createOrganisation,
  type Group,
  type NewPerson,
  type Organisation,
  type Person,
  type User,
} from "@/lib/demo/factories";
import { openSession } from "@/tests/setup/sessions";

export const FIXTURE_PASSWORD = "Zonnebloem-Fiets-42";

let passwordHash: Promise<string> | undefined;
/** One Argon2 hash shared by every fixture login: hashing per login would cost ~50 ms each. */
function sharedHash(): Promise<string> {
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  return passwordHash;
}

export type Member = { person: Person; user: User };

export type AccessOrganisation = {
  organisation: Organisation;
  coordinator: Member;
  admin: Member;
  /** Four members with logins; members[0] and members[1] are in `group`. */
  members: Member[];
  /** A member with a login but no email address. */
  withoutEmail: Member;
  group: Group;
};

export async function createAccessOrganisation(db: Db, name: string): Promise<AccessOrganisation> {
  const organisation = await createOrganisation(db, { name });
  const hash = await sharedHash();
  const member = (role: "member" | "coordinator" | "admin" = "member", person: Partial<NewPerson> = {}) =>
    createMemberWithLogin(db, { tenantId: organisation.id, role, passwordHash: hash, person });
  const coordinator = await member("coordinator");
  const admin = await member("admin");
  const members = [await member(), await member(), await member(), await member()];
  const withoutEmail = await member("member", { email: null });
  const group = await createGroup(db, { tenantId: organisation.id });
  for (const m of members.slice(0, 2)) await addPersonToGroup(db, { tenantId: organisation.id, groupId: group.id, personId: m.person.id });
  return { organisation, coordinator, admin, members, withoutEmail, group };
}

let numbered = 0;

/** A fresh organisation named "Stichting <n>", n (its `number`, for unique names) counting up within the test file. */
export async function createNumberedAccessOrganisation(db: Db): Promise<AccessOrganisation & { number: number }> {
  numbered += 1;
  const number = numbered;
  return { ...(await createAccessOrganisation(db, `Stichting ${number}`)), number };
}

/** The real actor for a login, resolved the way every request resolves it. */
export async function actorOf(member: Member): Promise<Actor> {
  const actor = await getActorForSession(await openSession(member.user));
  if (!actor) throw new Error(`No actor for ${member.user.username}`);
  return actor;
}

export async function loginOf(db: Db, member: Member): Promise<User> {
  const [row] = await db.select().from(users).where(eq(users.id, member.user.id));
  return row;
}

export async function statusesOf(db: Db, members: Member[]): Promise<string[]> {
  return Promise.all(members.map(async (m) => (await loginOf(db, m)).status));
}

export async function outboxFor(db: Db, member: Member) {
  return withMailBodies(await db.select().from(outbox).where(eq(outbox.personId, member.person.id)));
}

export async function auditFor(db: Db, member: Member) {
  return db.select().from(auditLog).where(eq(auditLog.targetPersonId, member.person.id));
}

export async function tokensOf(db: Db, member: Member) {
  return db.select().from(accessTokens).where(eq(accessTokens.userId, member.user.id));
}

/** Everyone of the organisation who has a login, in a stable order. */
export function everyoneIn(org: AccessOrganisation): Member[] {
  return [org.coordinator, org.admin, ...org.members, org.withoutEmail];
}
