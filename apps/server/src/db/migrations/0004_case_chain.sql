CREATE SEQUENCE "public"."case_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"source" text NOT NULL,
	"rate_per_minute" integer DEFAULT 600 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sha256" text NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer,
	"height" integer,
	"original_path" text NOT NULL,
	"public_path" text NOT NULL,
	"thumb_path" text NOT NULL,
	"file_name" text,
	"uploaded_by" uuid,
	"api_key_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"actor_unit_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"note" text,
	"data" jsonb NOT NULL,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_units" (
	"case_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"fed_back_at" timestamp with time zone,
	CONSTRAINT "case_units_case_id_unit_id_pk" PRIMARY KEY("case_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"item_id" uuid NOT NULL,
	"item_code" varchar(5) NOT NULL,
	"state" text NOT NULL,
	"level" text NOT NULL,
	"region_path" text NOT NULL,
	"grid_id" uuid,
	"lon" double precision,
	"lat" double precision,
	"address" text,
	"description" text NOT NULL,
	"channel" text NOT NULL,
	"source" text,
	"external_ref" text,
	"reporter_user_id" uuid,
	"reporter_api_key_id" uuid,
	"reporter_name" text,
	"reporter_phone_enc" text,
	"reporter_phone_hash" text,
	"reporter_phone_masked" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"reporter_key" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"first_contact_user_id" uuid,
	"assignee_unit_id" uuid,
	"assignee_user_id" uuid,
	"verifier_user_id" uuid,
	"stage" text,
	"stage_started_at" timestamp with time zone,
	"stage_deadline" timestamp with time zone,
	"stage_warn_at" timestamp with time zone,
	"overdue_stage" text,
	"warned_stage" text,
	"ever_overdue" boolean DEFAULT false NOT NULL,
	"handle_deadline" timestamp with time zone,
	"pending" jsonb,
	"supervision" text,
	"rectify_by" timestamp with time zone,
	"dispatch_count" integer DEFAULT 0 NOT NULL,
	"dispatch_on_time" boolean,
	"return_count" integer DEFAULT 0 NOT NULL,
	"rework_count" integer DEFAULT 0 NOT NULL,
	"escalation_count" integer DEFAULT 0 NOT NULL,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"self_handled" boolean DEFAULT false NOT NULL,
	"merged_into_id" uuid,
	"rating" text,
	"resolved" boolean,
	"contacted_in_time" boolean,
	"reported_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"dispatched_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"fed_back_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"rated_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "cases_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "item_admissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"state" text NOT NULL,
	"reason" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"withdrawn_by" uuid,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(5) NOT NULL,
	"category_code" varchar(2) NOT NULL,
	"name" text NOT NULL,
	"legal_basis" text NOT NULL,
	"filing_condition" text NOT NULL,
	"closing_condition" text NOT NULL,
	"limits" jsonb NOT NULL,
	"department_kind" text NOT NULL,
	"grid_eligible" boolean NOT NULL,
	"negative_list" boolean NOT NULL,
	"public_report" boolean NOT NULL,
	"minor" boolean DEFAULT false NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "items_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "notification_reads" (
	"notification_id" bigint NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" uuid,
	"unit_id" uuid,
	"region_path" text,
	"role" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"case_id" uuid,
	"data" jsonb,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "work_calendars" (
	"id" text PRIMARY KEY NOT NULL,
	"calendar" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_admissions" ADD CONSTRAINT "item_admissions_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_admissions" ADD CONSTRAINT "item_admissions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_region_path_idx" ON "api_keys" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "attachments_uploader_idx" ON "attachments" USING btree ("uploaded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_seq_idx" ON "case_events" USING btree ("case_id","seq");--> statement-breakpoint
CREATE INDEX "case_events_at_idx" ON "case_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "case_units_unit_idx" ON "case_units" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_idempotency_idx" ON "cases" USING btree ("reporter_key","idempotency_key");--> statement-breakpoint
CREATE INDEX "cases_queue_idx" ON "cases" USING btree ("state","reported_at");--> statement-breakpoint
CREATE INDEX "cases_region_idx" ON "cases" USING btree ("region_path" text_pattern_ops,"reported_at");--> statement-breakpoint
CREATE INDEX "cases_unit_idx" ON "cases" USING btree ("assignee_unit_id","state");--> statement-breakpoint
CREATE INDEX "cases_user_idx" ON "cases" USING btree ("assignee_user_id","state");--> statement-breakpoint
CREATE INDEX "cases_verifier_idx" ON "cases" USING btree ("verifier_user_id","state");--> statement-breakpoint
CREATE INDEX "cases_reporter_idx" ON "cases" USING btree ("reporter_user_id","reported_at");--> statement-breakpoint
CREATE INDEX "cases_nearby_idx" ON "cases" USING btree ("item_id","reported_at");--> statement-breakpoint
CREATE INDEX "cases_grid_idx" ON "cases" USING btree ("grid_id","reported_at");--> statement-breakpoint
CREATE INDEX "cases_overdue_sweep_idx" ON "cases" USING btree ("stage_deadline") WHERE stage IS NOT NULL AND overdue_stage IS DISTINCT FROM stage;--> statement-breakpoint
CREATE INDEX "cases_warn_sweep_idx" ON "cases" USING btree ("stage_warn_at") WHERE stage IS NOT NULL AND warned_stage IS DISTINCT FROM stage;--> statement-breakpoint
CREATE INDEX "item_admissions_item_idx" ON "item_admissions" USING btree ("item_id","region_path");--> statement-breakpoint
CREATE UNIQUE INDEX "item_admissions_live_idx" ON "item_admissions" USING btree ("item_id","region_id") WHERE state IN ('proposed', 'active');--> statement-breakpoint
CREATE INDEX "notification_reads_pk" ON "notification_reads" USING btree ("user_id","notification_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "notifications_unit_idx" ON "notifications" USING btree ("unit_id","id");--> statement-breakpoint
CREATE INDEX "notifications_region_idx" ON "notifications" USING btree ("role","id");--> statement-breakpoint
CREATE INDEX "units_region_path_idx" ON "units" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "units_region_kind_name_idx" ON "units" USING btree ("region_id","kind","name");--> statement-breakpoint
-- A case's history is append-only: its events are never changed or deleted.
CREATE OR REPLACE FUNCTION case_events_guard() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'case_events is append-only: % refused', lower(TG_OP) USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER case_events_append_only
  BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION case_events_guard();
