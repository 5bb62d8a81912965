ALTER TABLE "organisations" ALTER COLUMN "settings" SET DEFAULT '{"lockoutThreshold":5,"twoFactorForMembers":"off","twoFactorForCoordinators":"off","editableProfileFields":["email","phone","address","postcode","city","photo"],"visibleProfileFields":["firstName","infix","lastName","email","phone","photo"],"hoursDeadline":{"weekday":1,"time":"09:00"},"hoursReminderHoursBefore":24}'::jsonb;--> statement-breakpoint
ALTER TABLE "week_confirmations" ADD COLUMN "returned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "week_confirmations" ADD COLUMN "returned_by_id" uuid;--> statement-breakpoint
ALTER TABLE "week_confirmations" ADD COLUMN "correction_handled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "week_confirmations" ADD COLUMN "correction_handled_by_id" uuid;--> statement-breakpoint
ALTER TABLE "week_confirmations" ADD COLUMN "reminder_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "worked_hours" ADD COLUMN "activity" text;--> statement-breakpoint
ALTER TABLE "worked_hours" ADD COLUMN "no_show" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "week_confirmations" ADD CONSTRAINT "week_confirmations_returned_by_id_people_id_fk" FOREIGN KEY ("returned_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "week_confirmations" ADD CONSTRAINT "week_confirmations_correction_handled_by_id_people_id_fk" FOREIGN KEY ("correction_handled_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "week_confirmations_tenant_week_idx" ON "week_confirmations" USING btree ("tenant_id","week_start","status");--> statement-breakpoint
CREATE INDEX "worked_hours_tenant_starts_idx" ON "worked_hours" USING btree ("tenant_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "worked_hours_person_shift_idx" ON "worked_hours" USING btree ("person_id","shift_id");