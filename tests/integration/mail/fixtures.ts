// Providers and organisations for mail tests, inserted directly (the mail core needs nothing more).
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { people } from "@/lib/db/schema/people";
import { organisations, providers } from "@/lib/db/schema/tenancy";

export async function insertProvider(db: Db, name: string): Promise<string> {
  const [row] = await db.insert(providers).values({ name, slug: `provider-${randomUUID()}` }).returning({ id: providers.id });
  return row.id;
}

export async function insertOrganisation(db: Db, providerId: string, name: string, locale = "nl"): Promise<string> {
  const [row] = await db
    .insert(organisations)
    .values({ providerId, name, slug: `org-${randomUUID()}`, locale })
    .returning({ id: organisations.id });
  return row.id;
}

export type PersonFixture = { id: string; firstName: string; email: string };

export async function insertPerson(db: Db, tenantId: string, firstName: string, email: string): Promise<PersonFixture> {
  const [row] = await db
    .insert(people)
    .values({ tenantId, firstName, lastName: "Tester", email })
    .returning({ id: people.id, firstName: people.firstName });
  return { ...row, email };
}
