-- The coordinators' members table keeps an organisation's rows in the page cache too: besides people
-- and groups (already stamped "people") it shows each login's state, and above it the progress of the
-- latest bulk mailing. A change to a login's columns the table shows expires the organisation's
-- "accounts" tag; other columns (password hash, failed attempts below the lockout, session version,
-- language) change nothing it shows and stamp nothing. Outbox rows of a bulk mailing (a batch id) expire
-- "mail", kept apart from "accounts" so that delivering two thousand mails expires only the progress
-- line, not the rows. Rows without an organisation (provider admins' logins and mail) stamp nothing,
-- as expire_cache_tags (0015) skips a null tenant_id.
CREATE CONSTRAINT TRIGGER "users_expire_cache_tags" AFTER INSERT OR DELETE OR UPDATE OF "tenant_id", "person_id", "username", "status", "blocked_at", "block_scheduled_for", "locked_at", "login_count", "last_login_at", "totp_enabled_at" ON "users" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION expire_cache_tags('accounts');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "outbox_batch_expire_cache_tags" AFTER INSERT OR UPDATE ON "outbox" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.batch_id IS NOT NULL) EXECUTE FUNCTION expire_cache_tags('mail');
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "outbox_batch_deleted_expire_cache_tags" AFTER DELETE ON "outbox" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.batch_id IS NOT NULL) EXECUTE FUNCTION expire_cache_tags('mail');
