// The database side of the page cache (lib/cache/handler.mjs): reading the tag expirations written
// since an instance last looked, and writing one for an explicit revalidateTag/updateTag. Most rows
// come from the triggers of drizzle/0015_cache_tag_expirations.sql, in the writing transaction.
import { inArray, sql } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db/client";
import { cacheTagExpirations } from "@/lib/db/schema/platform";
import { TAG_SOURCE, type TagSource } from "./tag-watch.mjs";

export type { TagSource };

export function databaseTagSource(database: () => Promise<Db> = getDb): TagSource {
  return {
    async expiredSince(sinceMs) {
      const db = await database();
      const rows = await db
        .select({ tag: cacheTagExpirations.tag, at: sql<number>`(extract(epoch from max(${cacheTagExpirations.expiredAt})) * 1000)::float8`.mapWith(Number) })
        .from(cacheTagExpirations)
        .where(sql`${cacheTagExpirations.expiredAt} > to_timestamp(${sinceMs}::float8 / 1000)`)
        .groupBy(cacheTagExpirations.tag);
      return rows;
    },
    async expire(tags) {
      if (tags.length === 0) return;
      const db = await database();
      await db.insert(cacheTagExpirations).values([...new Set(tags)].sort().map((tag) => ({ tag })));
    },
  };
}

/** Lets the cache handler reach this process's database (instrumentation.ts, at boot). */
export function registerTagSource(): void {
  (globalThis as Record<symbol, unknown>)[TAG_SOURCE] = databaseTagSource();
}

/** The tags a set of expirations touched (tests). */
export async function countTagExpirations(db: Db, tags: string[]): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(cacheTagExpirations).where(inArray(cacheTagExpirations.tag, tags));
  return row?.count ?? 0;
}
