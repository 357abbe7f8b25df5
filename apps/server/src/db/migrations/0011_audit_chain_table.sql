CREATE TABLE "audit_chain" (
	"chain_no" bigint PRIMARY KEY NOT NULL,
	"audit_id" bigint NOT NULL,
	"audit_tx" "xid8" NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"hash_alg" text NOT NULL,
	CONSTRAINT "audit_chain_audit_id_unique" UNIQUE("audit_id")
);
--> statement-breakpoint
-- Rows already in the log: those already chained move their links to audit_chain with tx 0; those
-- still waiting get tx 1, which sorts after them and before every real transaction id (≥ 3), so
-- the chainer takes them next.
ALTER TABLE "audit_log" ADD COLUMN "tx" "xid8" DEFAULT '0' NOT NULL;--> statement-breakpoint
INSERT INTO "audit_chain" ("chain_no", "audit_id", "audit_tx", "prev_hash", "hash", "hash_alg")
  SELECT "chain_no", "id", '0', "prev_hash", "hash", COALESCE("hash_alg", 'sha256') FROM "audit_log" WHERE "chain_no" IS NOT NULL;--> statement-breakpoint
UPDATE "audit_log" SET "tx" = '1' WHERE "chain_no" IS NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "tx" SET DEFAULT pg_current_xact_id();--> statement-breakpoint
ALTER TABLE "audit_chain" ADD CONSTRAINT "audit_chain_audit_id_audit_log_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."audit_log"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_tx_idx" ON "audit_log" USING btree ("tx","id");