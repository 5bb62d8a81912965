// What a provider admin reads: their provider's organisations, and only theirs. Every function takes
// the provider's id first, the way tenant queries take the tenant's.
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/lib/db/client";
import { people } from "@/lib/db/schema/people";
import { organisations, providers } from "@/lib/db/schema/tenancy";

export type ProviderOrganisation = { id: string; name: string; slug: string; createdAt: Date; people: number };

/** The provider's organisations by name, with how many people (not merged away) each holds. */
export async function listProviderOrganisations(providerId: string): Promise<ProviderOrganisation[]> {
  const db = await getDb();
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      slug: organisations.slug,
      createdAt: organisations.createdAt,
      people: sql<number>`(select count(*)::int from ${people} p where p.tenant_id = ${organisations.id} and p.merged_into_id is null)`,
    })
    .from(organisations)
    .where(eq(organisations.providerId, providerId))
    .orderBy(asc(organisations.name));
}

/** One organisation of the provider, or null for another provider's (or no such) organisation. */
export async function getProviderOrganisation(db: DbOrTx, providerId: string, organisationId: string): Promise<{ id: string; name: string } | null> {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), eq(organisations.providerId, providerId)))
    .limit(1);
  return row ?? null;
}

/** The provider's slug, which the shared create-organisation use case names its provider by. */
export async function getProviderSlug(providerId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ slug: providers.slug }).from(providers).where(eq(providers.id, providerId)).limit(1);
  return row?.slug ?? null;
}
