-- Bodies written before sealing are dropped, not encrypted (the key is not in the database): mail still
-- waiting for delivery cannot be sent any more and is recorded as failed.
UPDATE "outbox" SET "status" = 'failed', "last_error" = 'Not sent: its unencrypted body was removed when mail bodies started being sealed' WHERE "status" = 'pending';--> statement-breakpoint
ALTER TABLE "outbox" DROP COLUMN "html";--> statement-breakpoint
ALTER TABLE "outbox" DROP COLUMN "text";
