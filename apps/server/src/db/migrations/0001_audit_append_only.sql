-- The audit log is append-only. Inserts are free; an update may only fill in the chain columns
-- of a row not yet chained; deletes are refused. Retention purges set the transaction-local
-- setting gewu.audit_maintenance = 'on' (see audit.retention.ts), which only the server does.
CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger AS $$
BEGIN
  IF current_setting('gewu.audit_maintenance', true) = 'on' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_log is append-only: delete refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.chain_no IS NOT NULL
     OR NEW.id IS DISTINCT FROM OLD.id
     OR NEW.at IS DISTINCT FROM OLD.at
     OR NEW.actor_id IS DISTINCT FROM OLD.actor_id
     OR NEW.actor_name IS DISTINCT FROM OLD.actor_name
     OR NEW.actor_roles IS DISTINCT FROM OLD.actor_roles
     OR NEW.action IS DISTINCT FROM OLD.action
     OR NEW.target_type IS DISTINCT FROM OLD.target_type
     OR NEW.target_id IS DISTINCT FROM OLD.target_id
     OR NEW.region_path IS DISTINCT FROM OLD.region_path
     OR NEW.ip IS DISTINCT FROM OLD.ip
     OR NEW.request_id IS DISTINCT FROM OLD.request_id
     OR NEW.outcome IS DISTINCT FROM OLD.outcome
     OR NEW.detail IS DISTINCT FROM OLD.detail THEN
    RAISE EXCEPTION 'audit_log is append-only: update refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_no_truncate() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: truncate refused' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate();
