-- People search in Postgres: case-, accent- and punctuation-folded names with a trigram index, so
-- "zoe" finds "Zoë", "vries" finds "de Vries" and "jansn" finds "Jansen" (lib/people/queries.ts).
-- unaccent() is only STABLE (it looks its dictionary up through search_path), so an index needs an
-- IMMUTABLE wrapper. The SQL-standard bodies (RETURN …, PostgreSQL 14+) are bound when created,
-- dictionary included, so the index never depends on the search_path of whoever reads or restores it.
CREATE OR REPLACE FUNCTION ploeg_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN unaccent('unaccent'::regdictionary, value);
--> statement-breakpoint
-- Lower case, no accents, every run of spaces and punctuation one space ("van 't Hof" → "van t hof").
CREATE OR REPLACE FUNCTION ploeg_search_key(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN btrim(regexp_replace(lower(ploeg_unaccent(value)), '[[:space:][:punct:]’‘´]+', ' ', 'g'));
--> statement-breakpoint
-- The whole name as one searchable string: first name, infix, last name.
CREATE OR REPLACE FUNCTION ploeg_name_key(first_name text, infix text, last_name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN ploeg_search_key(coalesce(first_name, '') || ' ' || coalesce(infix, '') || ' ' || coalesce(last_name, ''));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS people_name_key_trgm_idx ON people USING gin (ploeg_name_key(first_name, infix, last_name) gin_trgm_ops);
