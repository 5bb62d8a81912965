// Creating an organisation with its first admin: the operator's path (the CLI), which runs outside any
// session, so it takes the database handle explicitly instead of going through a server action.
import { randomInt } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/accounts/passwords/hashing";
import type { Db, Tx } from "@/lib/db/client";
import { users } from "@/lib/db/schema/accounts";
import { people } from "@/lib/db/schema/people";
import { organisations, providers } from "@/lib/db/schema/tenancy";
import { formatPersonName } from "@/lib/people/names";
import { recordAudit } from "./audit";
import type { ParsedCreateOrganisationInput } from "./schemas";

/** A temporary password stops working after this many days (product: they expire). */
export const TEMPORARY_PASSWORD_DAYS = 14;

/** A refusal the operator can act on (a taken slug or username); its message is safe to print. */
export class ProvisioningError extends Error {
  constructor(message: string) {
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

/**
 * Creates the provider (when its slug is new), the organisation, and an admin with a temporary
 * password that must be changed at first sign-in, in one transaction, and records it in the audit log.
 * Throws ProvisioningError when the slug or the username (in any letter case) is already taken.
 */
export async function createOrganisationWithAdmin(
  db: Db,
  input: ParsedCreateOrganisationInput,
  now: Date = new Date(),
): Promise<CreatedOrganisation> {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const temporaryPasswordExpiresAt = new Date(now.getTime() + TEMPORARY_PASSWORD_DAYS * 24 * 60 * 60 * 1000);
  const name = input.adminName ? splitDutchName(input.adminName) : { firstName: "Beheerder", infix: null, lastName: "" };

  return db.transaction(async (tx) => {
    const [slugTaken] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, input.slug)).limit(1);
    if (slugTaken) throw new ProvisioningError(`An organisation with slug "${input.slug}" already exists.`);
    const [usernameTaken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${input.adminUsername})`)
      .limit(1);
    if (usernameTaken) throw new ProvisioningError(`The username "${input.adminUsername}" is already taken (usernames ignore letter case).`);

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
      actorUserId: null,
      action: "organisation.created",
      targetPersonId: person.id,
      details: { via: "cli", provider: input.provider, adminUsername: input.adminUsername },
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
