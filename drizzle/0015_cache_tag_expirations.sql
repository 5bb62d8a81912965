CREATE TABLE "cache_tag_expirations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tag" text NOT NULL,
	"expired_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cache_tag_expirations_expired_at_idx" ON "cache_tag_expirations" USING btree ("expired_at");--> statement-breakpoint
-- A change to a table the member pages' cached fragments are built from expires the organisation's
-- tags named in the trigger's arguments ("roster", "people"), once per tag and transaction, at
-- commit time (deferred), so an instance that reads the expirations after the commit never serves
-- a fragment from before it. A day's rows are kept: an instance only needs those written since it
-- last looked (or started), with a margin.
CREATE FUNCTION "expire_cache_tags"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tenant uuid;
  seen text := coalesce(current_setting('ploeg.expired_cache_tags', true), '');
  domain text;
  tag text;
BEGIN
  IF TG_TABLE_NAME = 'organisations' THEN
    tenant := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
  ELSE
    tenant := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
  END IF;
  IF tenant IS NULL THEN
    RETURN NULL;
  END IF;
  FOREACH domain IN ARRAY TG_ARGV LOOP
    tag := 'tenant:' || tenant::text || ':' || domain;
    IF position(tag IN seen) = 0 THEN
      IF seen = '' AND random() < 0.01 THEN
        DELETE FROM cache_tag_expirations WHERE expired_at < now() - interval '1 day';
      END IF;
      INSERT INTO cache_tag_expirations (tag) VALUES (tag);
      seen := seen || ' ' || tag;
    END IF;
  END LOOP;
  PERFORM set_config('ploeg.expired_cache_tags', seen, true);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "shifts_expire_cache_tags" AFTER INSERT OR UPDATE OR DELETE ON "shifts" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION expire_cache_tags('roster');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "assignments_expire_cache_tags" AFTER INSERT OR UPDATE OR DELETE ON "assignments" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION expire_cache_tags('roster');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "handover_requests_expire_cache_tags" AFTER INSERT OR UPDATE OR DELETE ON "handover_requests" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION expire_cache_tags('roster');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "handover_recipients_expire_cache_tags" AFTER INSERT OR UPDATE OR DELETE ON "handover_recipients" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION expire_cache_tags('roster');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "locations_expire_cache_tags" AFTER INSERT OR UPDATE OR DELETE ON "locations" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION expire_cache_tags('roster');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "groups_expire_cache_tags" AFTER INSERT OR UPDATE OR DELETE ON "groups" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION expire_cache_tags('roster', 'people');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "group_members_expire_cache_tags" AFTER INSERT OR UPDATE OR DELETE ON "group_members" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION expire_cache_tags('roster', 'people');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "people_expire_cache_tags" AFTER INSERT OR UPDATE OR DELETE ON "people" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION expire_cache_tags('roster', 'people');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "photos_expire_cache_tags" AFTER INSERT OR UPDATE OR DELETE ON "photos" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION expire_cache_tags('people');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "organisations_expire_cache_tags" AFTER INSERT OR UPDATE OR DELETE ON "organisations" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION expire_cache_tags('roster', 'people');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "worked_hours_expire_cache_tags" AFTER INSERT OR UPDATE OR DELETE ON "worked_hours" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION expire_cache_tags('hours');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "week_confirmations_expire_cache_tags" AFTER INSERT OR UPDATE OR DELETE ON "week_confirmations" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION expire_cache_tags('hours');
