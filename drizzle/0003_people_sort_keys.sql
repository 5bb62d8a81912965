ALTER TABLE "people" ADD COLUMN "last_name_key" text GENERATED ALWAYS AS (ploeg_search_key(last_name)) STORED;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "first_name_key" text GENERATED ALWAYS AS (ploeg_search_key(first_name)) STORED;--> statement-breakpoint
CREATE INDEX "people_tenant_name_keys_idx" ON "people" USING btree ("tenant_id","last_name_key","first_name_key","id");