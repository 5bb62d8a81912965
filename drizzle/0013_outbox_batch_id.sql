ALTER TABLE "outbox" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
CREATE INDEX "outbox_batch_idx" ON "outbox" USING btree ("tenant_id","batch_id");