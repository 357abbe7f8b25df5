-- The log and its chain are both append-only: no update, delete or truncate, except under the
-- transaction-local setting gewu.audit_maintenance = 'on', which only the retention purge sets
-- (deleting a prefix of the chain; its links go with the rows, ON DELETE CASCADE).
CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger AS $$
BEGIN
  IF current_setting('gewu.audit_maintenance', true) = 'on' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, lower(TG_OP) USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_no_truncate() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: truncate refused', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER audit_chain_append_only
  BEFORE UPDATE OR DELETE ON audit_chain
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();--> statement-breakpoint
CREATE TRIGGER audit_chain_no_truncate
  BEFORE TRUNCATE ON audit_chain
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate();--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_chain_no_unique";--> statement-breakpoint
DROP INDEX "audit_log_unchained_idx";--> statement-breakpoint
ALTER TABLE "audit_log" DROP COLUMN "chain_no";--> statement-breakpoint
ALTER TABLE "audit_log" DROP COLUMN "prev_hash";--> statement-breakpoint
ALTER TABLE "audit_log" DROP COLUMN "hash";--> statement-breakpoint
ALTER TABLE "audit_log" DROP COLUMN "hash_alg";