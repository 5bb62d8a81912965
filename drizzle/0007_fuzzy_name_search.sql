-- Edit distance for the people search (lib/people/queries.ts): "vreis" and "vres" find "Vries", which
-- trigrams alone miss (a swapped or dropped letter in a short word breaks most of its trigrams).
-- drizzle-kit never writes CREATE EXTENSION; PGlite loads it as @electric-sql/pglite/contrib/fuzzystrmatch.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
