// Creating an organisation with its first admin, and a provider admin: one use case each for the
// operator CLI (outside any session) and the provider page (a provider admin, through a guarded action),
// so both take the database handle explicitly.
import { randomInt } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/accounts/passwords/hashing";
import type { Db, Tx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { organisations, providers } from "@/lib/db/schema/tenancy";
import { formatPersonName } from "@/lib/people/names";
import { recordAudit } from "./audit";
import { providerAdmins } from "@/lib/db/schema/accounts";
import type { ParsedCreateOrganisationInput, ParsedCreateProviderAdminInput } from "./schemas";

/** A temporary password stops working after this many days (product: they expire). */
export const TEMPORARY_PASSWORD_DAYS = 14;

/** A refusal the operator can act on (a taken slug or username); its message is safe to print. */
export class ProvisioningError extends Error {
  constructor(
    message: string,
    /** Which field is taken, for a form to point at. */
    readonly problem: "slugTaken" | "usernameTaken",
  ) {
    super(message);
    this.name = "ProvisioningError";
  }
}

// No 0/O, 1/l/I: temporary passwords are read off a screen or a letter and typed on a phone.
const passwordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Three groups of four unambiguous characters (~70 bits), e.g. `hT4k-9mWq-zR2e`. */
export function generateTemporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => passwordAlphabet[randomInt(passwordAlphabet.length)]).join("");
  return `${group()}-${group()}-${group()}`;
}

const infixWords = new Set(["van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "in", "op", "aan", "bij", "onder", "uit", "over", "la", "le", "du", "d'", "von", "zu"]);

/** "Anna van der Berg" → Anna / van der / Berg. Infix words are only recognised in lower case, as written in Dutch. */
export function splitDutchName(fullName: string): { firstName: string; infix: string | null; lastName: string } {
  const words = fullName.trim().split(/\s+/);
  const firstName = words.shift() ?? "";
  const infix: string[] = [];
  while (words.length > 1 && infixWords.has(words[0])) infix.push(words.shift() ?? "");
  return { firstName, infix: infix.length > 0 ? infix.join(" ") : null, lastName: words.join(" ") };
}

export type CreatedOrganisation = {
  organisationId: string;
  providerId: string;
  providerCreated: boolean;
  adminPersonId: string;
  adminUserId: string;
  adminUsername: string;
  /** Shown once to the operator; only its hash is stored. */
  temporaryPassword: string;
  temporaryPasswordExpiresAt: Date;
};

/** A refusal the operator can act on (a taken slug or username); its message is safe to print. */
function slugTakenError(slug: string): ProvisioningError {
  return new ProvisioningError(`An organisation with slug "${slug}" already exists.`, "slugTaken");
}

async function assertUsernameFree(tx: Tx, username: string): Promise<void> {
  const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${username})`).limit(1);
  if (taken) throw new ProvisioningError(`The username "${username}" is already taken (usernames ignore letter case).`, "usernameTaken");
}

async function temporaryPasswordFor(now: Date) {
  const temporaryPassword = generateTemporaryPassword();
  return {
    temporaryPassword,
    passwordHash: await hashPassword(temporaryPassword),
    temporaryPasswordExpiresAt: new Date(now.getTime() + TEMPORARY_PASSWORD_DAYS * 24 * 60 * 60 * 1000),
  };
}

/**
 * Creates the provider (when its slug is new), the organisation, and an admin with a temporary
 * password that must be changed at first sign-in, in one transaction, and records it in the audit log.
 * The CLI calls it without `createdBy`; the provider page with the provider admin who creates it (the
 * caller resolves `input.provider` from the admin's own provider, never from the form).
 * Throws ProvisioningError when the slug or the username (in any letter case) is already taken.
 */
export async function createOrganisationWithAdmin(
  db: Db,
  input: ParsedCreateOrganisationInput,
  options: { now?: Date; createdBy?: { userId: string } } = {},
): Promise<CreatedOrganisation> {
  const now = options.now ?? new Date();
  const { temporaryPassword, passwordHash, temporaryPasswordExpiresAt } = await temporaryPasswordFor(now);
  const name = input.adminName ? splitDutchName(input.adminName) : { firstName: "Beheerder", infix: null, lastName: "" };

  return db.transaction(async (tx) => {
    const [slugTaken] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, input.slug)).limit(1);
    if (slugTaken) throw slugTakenError(input.slug);
    await assertUsernameFree(tx, input.adminUsername);

    const provider = await ensureProvider(tx, input.provider);
    const [organisation] = await tx
      .insert(organisations)
      .values({ providerId: provider.id, name: input.name, slug: input.slug, email: input.adminEmail, timeZone: input.timeZone })
      .returning({ id: organisations.id });
    const [person] = await tx
      .insert(people)
      .values({ tenantId: organisation.id, ...name, email: input.adminEmail, role: "admin" })
      .returning({ id: people.id });
    const [user] = await tx
      .insert(users)
      .values({
        tenantId: organisation.id,
        personId: person.id,
        username: input.adminUsername,
        passwordHash,
        mustChangePassword: true,
        temporaryPasswordExpiresAt,
        status: "active",
        name: formatPersonName(name),
        email: input.adminEmail,
      })
      .returning({ id: users.id });
    await recordAudit(tx, {
      tenantId: organisation.id,
      actorUserId: options.createdBy?.userId ?? null,
      action: "organisation.created",
      targetPersonId: person.id,
      details: { via: options.createdBy ? "provider" : "cli", provider: input.provider, adminUsername: input.adminUsername },
    });
    return {
      organisationId: organisation.id,
      providerId: provider.id,
      providerCreated: provider.created,
      adminPersonId: person.id,
      adminUserId: user.id,
      adminUsername: input.adminUsername,
      temporaryPassword,
      temporaryPasswordExpiresAt,
    };
  });
}

async function ensureProvider(tx: Tx, slug: string): Promise<{ id: string; created: boolean }> {
  const [found] = await tx.select({ id: providers.id }).from(providers).where(eq(providers.slug, slug)).limit(1);
  if (found) return { id: found.id, created: false };
  // A provider named after its slug; the provider admin renames it in the app.
  const name = slug === "ploeg" ? "Ploeg" : slug.replace(/-/g, " ").replace(/^\w/, (c) => c.toUpperCase());
  const [created] = await tx.insert(providers).values({ name, slug }).returning({ id: providers.id });
  return { id: created.id, created: true };
}

export type CreatedProviderAdmin = {
  userId: string;
  providerId: string;
  providerCreated: boolean;
  username: string;
  /** Shown once to the operator; only its hash is stored. */
  temporaryPassword: string;
  temporaryPasswordExpiresAt: Date;
};

/**
 * Creates a provider admin: a login of no organisation and no person (users.tenant_id and person_id
 * null) with a provider_admins row, and a temporary password that must be changed at first sign-in.
 * The provider is created when its slug is new. Signing in always asks a second factor
 * (lib/accounts/two-factor/two-factor.ts: providerAdminTwoFactor), by email to `email`.
 * Throws ProvisioningError when the username (in any letter case) is already taken.
 */
export async function createProviderAdmin(db: Db, input: ParsedCreateProviderAdminInput, now: Date = new Date()): Promise<CreatedProviderAdmin> {
  const { temporaryPassword, passwordHash, temporaryPasswordExpiresAt } = await temporaryPasswordFor(now);
  return db.transaction(async (tx) => {
    await assertUsernameFree(tx, input.username);
    const provider = await ensureProvider(tx, input.provider);
    const [user] = await tx
      .insert(users)
      .values({
        tenantId: null,
        personId: null,
        username: input.username,
        passwordHash,
        mustChangePassword: true,
        temporaryPasswordExpiresAt,
        status: "active",
        name: input.name ?? input.username,
        email: input.email,
      })
      .returning({ id: users.id });
    await tx.insert(providerAdmins).values({ providerId: provider.id, userId: user.id });
    return {
      userId: user.id,
      providerId: provider.id,
      providerCreated: provider.created,
      username: input.username,
      temporaryPassword,
      temporaryPasswordExpiresAt,
    };
  });
}
