CREATE TABLE "deliberation_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_path" text NOT NULL,
	"village_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"basis" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberation_matters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_path" text NOT NULL,
	"village_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"kind" text NOT NULL,
	"deciding_body" text NOT NULL,
	"authorisation" text,
	"stage" text,
	"implementation_due" date,
	"created_by" uuid NOT NULL,
	"created_by_name" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberation_roll_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"resident_id" uuid,
	"house_id" uuid,
	"label" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_reason" text NOT NULL,
	"added_by" uuid,
	"removed_at" timestamp with time zone,
	"removed_reason" text,
	"removed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "deliberation_stages" (
	"matter_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"status" text NOT NULL,
	"body_id" uuid,
	"basis" text,
	"held_at" timestamp with time zone,
	"place" text,
	"roll" jsonb,
	"expected" integer,
	"present" integer,
	"attendance" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"in_favour" integer,
	"against" integer,
	"abstaining" integer,
	"quorate" boolean,
	"passed" boolean,
	"minutes" text,
	"notice_text" text,
	"notice_ends_on" date,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"opened_at" timestamp with time zone,
	"warn_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"concluded_at" timestamp with time zone,
	"recorded_by_name" text,
	CONSTRAINT "deliberation_stages_matter_id_stage_pk" PRIMARY KEY("matter_id","stage")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_bodies_village_kind_idx" ON "deliberation_bodies" USING btree ("village_id","kind");--> statement-breakpoint
CREATE INDEX "deliberation_bodies_region_path_idx" ON "deliberation_bodies" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_matters_key_idx" ON "deliberation_matters" USING btree ("created_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "deliberation_matters_region_path_idx" ON "deliberation_matters" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "deliberation_roll_members_body_idx" ON "deliberation_roll_members" USING btree ("body_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_roll_members_resident_idx" ON "deliberation_roll_members" USING btree ("body_id","resident_id") WHERE removed_at IS NULL AND resident_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "deliberation_roll_members_house_idx" ON "deliberation_roll_members" USING btree ("body_id","house_id") WHERE removed_at IS NULL AND house_id IS NOT NULL;