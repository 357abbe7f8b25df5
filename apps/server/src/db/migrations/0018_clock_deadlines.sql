CREATE TABLE "clock_deadlines" (
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"light" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- The case chain's pending light changes move to the clock engine's table as kind 'case.stage'.
INSERT INTO "clock_deadlines" ("kind", "subject_id", "stage", "light", "at")
SELECT 'case.stage', "case_id", "stage", "light", "at" FROM "case_deadlines";--> statement-breakpoint
-- Listed supervisions (挂牌督办) of open cases get their rectify-by clock (kind 'case.rectify'); one whose
-- date has already passed is told at the first sweep (nobody was told before).
INSERT INTO "clock_deadlines" ("kind", "subject_id", "stage", "light", "at")
SELECT 'case.rectify', "id", 'listed', 'red', "rectify_by" FROM "cases"
 WHERE "supervision" = 'listed' AND "rectify_by" IS NOT NULL AND "state" NOT IN ('closed', 'rejected', 'voided', 'merged');--> statement-breakpoint
CREATE INDEX "clock_deadlines_due_idx" ON "clock_deadlines" USING btree ("kind","light","at","subject_id");--> statement-breakpoint
DROP TABLE "case_deadlines" CASCADE;
