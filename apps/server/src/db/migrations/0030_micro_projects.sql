CREATE TABLE "micro_project_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_path" text NOT NULL,
	"village_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"roll" jsonb NOT NULL,
	"expected" integer NOT NULL,
	"present" integer NOT NULL,
	"quorate" boolean NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"minutes" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "micro_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_path" text NOT NULL,
	"village_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category" text NOT NULL,
	"estimated_cost_fen" integer NOT NULL,
	"place" text NOT NULL,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"state" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposer_label" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"reject_reason" text,
	"vote_id" uuid,
	"in_favour" integer,
	"against" integer,
	"abstaining" integer,
	"implementer" text,
	"budget_fen" integer,
	"due_on" date,
	"warn_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"acceptance_note" text,
	"actual_cost_fen" integer,
	"before_photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"after_photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"completed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "micro_project_votes_key_idx" ON "micro_project_votes" USING btree ("recorded_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "micro_project_votes_region_path_idx" ON "micro_project_votes" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "micro_projects_key_idx" ON "micro_projects" USING btree ("proposed_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "micro_projects_region_path_idx" ON "micro_projects" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "micro_projects_vote_idx" ON "micro_projects" USING btree ("vote_id");