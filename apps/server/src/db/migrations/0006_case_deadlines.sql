CREATE TABLE "case_deadlines" (
	"case_id" uuid NOT NULL,
	"light" text NOT NULL,
	"stage" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_deadlines_case_id_light_pk" PRIMARY KEY("case_id","light")
);
--> statement-breakpoint
DROP INDEX "cases_overdue_sweep_idx";--> statement-breakpoint
DROP INDEX "cases_warn_sweep_idx";--> statement-breakpoint
CREATE INDEX "case_deadlines_due_idx" ON "case_deadlines" USING btree ("light","at");--> statement-breakpoint
-- The light changes still to come for the stages running now: what the old flag columns had not marked yet.
INSERT INTO "case_deadlines" ("case_id", "light", "stage", "at")
SELECT "id", 'red', "stage", "stage_deadline" FROM "cases" WHERE "stage" IS NOT NULL AND "stage_deadline" IS NOT NULL AND "overdue_stage" IS DISTINCT FROM "stage"
UNION ALL
SELECT "id", 'yellow', "stage", "stage_warn_at" FROM "cases" WHERE "stage" IS NOT NULL AND "stage_warn_at" IS NOT NULL AND "warned_stage" IS DISTINCT FROM "stage";--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "overdue_stage";--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "warned_stage";