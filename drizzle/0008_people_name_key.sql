ALTER TABLE "people" ADD COLUMN "name_key" text GENERATED ALWAYS AS (ploeg_name_key(first_name, infix, last_name)) STORED;--> statement-breakpoint
CREATE INDEX "people_name_key_trgm_col_idx" ON "people" USING gin ("name_key" gin_trgm_ops);--> statement-breakpoint
-- The search now reads the stored name_key (above); the index on the same expression (0002) would only cost writes.
DROP INDEX IF EXISTS "people_name_key_trgm_idx";
