CREATE TABLE "visit_intervals" (
	"county_path" text NOT NULL,
	"kind" text NOT NULL,
	"risk_level" text NOT NULL,
	"days" integer NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visit_intervals_county_path_kind_risk_level_pk" PRIMARY KEY("county_path","kind","risk_level")
);
--> statement-breakpoint
ALTER TABLE "visits" ALTER COLUMN "resident_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "special_populations" ADD COLUMN IF NOT EXISTS "visit_warn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "special_populations" ADD COLUMN IF NOT EXISTS "visit_deadline" timestamp with time zone;--> statement-breakpoint
-- Hand-written backfill (idempotent): each plan's clock from its due day, as visit-plans.ts visitClock
-- computes it — yellow from 00:00 Beijing the day before, red after 24:00 Beijing of the due day.
UPDATE "special_populations"
   SET "visit_warn_at" = (("next_visit_due" - 1)::timestamp AT TIME ZONE 'UTC') - interval '8 hours',
       "visit_deadline" = (("next_visit_due" + 1)::timestamp AT TIME ZONE 'UTC') - interval '8 hours'
 WHERE "visit_warn_at" IS NULL OR "visit_deadline" IS NULL;--> statement-breakpoint
ALTER TABLE "special_populations" ALTER COLUMN "visit_warn_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "special_populations" ALTER COLUMN "visit_deadline" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "client_id" uuid;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "kind" text DEFAULT 'household' NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "house_id" uuid;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "grid_id" uuid;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "recorded_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "purpose" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "findings" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "counted" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "late_reason" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "dispute_id" uuid;--> statement-breakpoint
CREATE INDEX "special_populations_due_idx" ON "special_populations" USING btree ("next_visit_due");--> statement-breakpoint
CREATE UNIQUE INDEX "visits_client_idx" ON "visits" USING btree ("visitor_id","client_id");--> statement-breakpoint
CREATE INDEX "visits_region_due_idx" ON "visits" USING btree ("region_path" text_pattern_ops,"due_on");;--> statement-breakpoint
-- Hand-written backfill (idempotent): visits of a special-population record are special-population visits.
UPDATE "visits" SET "kind" = 'special_population'
 WHERE "special_population_id" IS NOT NULL AND "kind" <> 'special_population';--> statement-breakpoint
-- Hand-written backfill (idempotent): the active plans' pending lights on the clock engine (kind
-- visits.plan, visits.clocks.ts). Red for every active plan — one alert for a plan already overdue —
-- yellow only while it is still to come.
INSERT INTO "clock_deadlines" ("kind", "subject_id", "stage", "light", "at")
SELECT 'visits.plan', sp."id", 'visit', 'red', sp."visit_deadline" FROM "special_populations" sp
 WHERE sp."status" = 'active' AND NOT EXISTS (
   SELECT 1 FROM "clock_deadlines" c
    WHERE c."kind" = 'visits.plan' AND c."subject_id" = sp."id" AND c."light" = 'red');--> statement-breakpoint
INSERT INTO "clock_deadlines" ("kind", "subject_id", "stage", "light", "at")
SELECT 'visits.plan', sp."id", 'visit', 'yellow', sp."visit_warn_at" FROM "special_populations" sp
 WHERE sp."status" = 'active' AND sp."visit_deadline" > now() AND NOT EXISTS (
   SELECT 1 FROM "clock_deadlines" c
    WHERE c."kind" = 'visits.plan' AND c."subject_id" = sp."id" AND c."light" = 'yellow');
