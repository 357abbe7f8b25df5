-- 三员分立 (等保 2.0): an account holding admin, security_admin or auditor holds that one role and
-- nothing else (the same rule as roleSetProblem in packages/domain/src/roles.ts). Accounts that
-- were given business roles beside their 三员 role before this rule lose those business roles here
-- (each change is written to the audit log); two 三员 roles on one account were never allowed by
-- the service, so such a row makes this migration fail rather than guess which role to keep.
INSERT INTO "audit_log" ("at", "actor_id", "actor_name", "actor_roles", "action", "target_type", "target_id", "outcome", "detail")
SELECT now(), NULL, 'migration:0015_separated_roles', '{}'::text[], 'user.set_roles', 'user', "id"::text, 'success',
	jsonb_build_object('before', to_jsonb("roles"), 'after', to_jsonb(ARRAY(SELECT r FROM unnest("roles") AS r WHERE r IN ('admin', 'security_admin', 'auditor'))), 'reason', 'separated_role_mix')
FROM "users"
WHERE "roles" && ARRAY['admin', 'security_admin', 'auditor']::text[]
	AND EXISTS (SELECT 1 FROM unnest("roles") AS r WHERE r NOT IN ('admin', 'security_admin', 'auditor'));
--> statement-breakpoint
UPDATE "users"
SET "roles" = ARRAY(SELECT r FROM unnest("roles") AS r WHERE r IN ('admin', 'security_admin', 'auditor'))
WHERE "roles" && ARRAY['admin', 'security_admin', 'auditor']::text[]
	AND EXISTS (SELECT 1 FROM unnest("roles") AS r WHERE r NOT IN ('admin', 'security_admin', 'auditor'));
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_separated_role_alone"
	CHECK (NOT ("roles" && ARRAY['admin', 'security_admin', 'auditor']::text[]) OR cardinality("roles") = 1);

--> statement-breakpoint
-- Failed logins per (username as typed, client IP): see login-failures.table.ts and README Security.
CREATE TABLE "login_failures" (
	"username" text NOT NULL,
	"ip" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locks" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_failure_at" timestamp with time zone NOT NULL,
	CONSTRAINT "login_failures_username_ip_pk" PRIMARY KEY("username","ip")
);
--> statement-breakpoint
CREATE INDEX "login_failures_last_idx" ON "login_failures" USING btree ("last_failure_at");