CREATE SEQUENCE "public"."petition_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."petition_opinion_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "petition_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "petition_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"petition_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL,
	"note" text,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petition_petitioners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"petition_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"name_enc" text NOT NULL,
	"name_masked" text NOT NULL,
	"gender" text,
	"id_enc" text,
	"id_hash" text,
	"id_masked" text,
	"phone_enc" text,
	"phone_hash" text,
	"phone_masked" text,
	"address" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "petitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"channel" text NOT NULL,
	"region_path" text NOT NULL,
	"summary" text NOT NULL,
	"matter_type" text NOT NULL,
	"respondent" text NOT NULL,
	"subject_object" text NOT NULL,
	"subject_key" text,
	"matter_id" uuid NOT NULL,
	"repeat_of_id" uuid,
	"headcount" integer NOT NULL,
	"collective" boolean NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"registered_by" uuid,
	"receipt_no" text,
	"new_facts_or_reasons" boolean DEFAULT false NOT NULL,
	"refiling_bar" jsonb,
	"state" text NOT NULL,
	"stage" text,
	"stage_started_at" timestamp with time zone,
	"stage_last_day" date,
	"stage_deadline" timestamp with time zone,
	"stage_warn_at" timestamp with time zone,
	"ever_overdue" boolean DEFAULT false NOT NULL,
	"intake" jsonb,
	"intake_at" timestamp with time zone,
	"intake_late" boolean,
	"accepted_at" timestamp with time zone,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"hearings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reply" jsonb,
	"answered_at" timestamp with time zone,
	"handling_late" boolean,
	"window_last_day" date,
	"review_requested_on" date,
	"review" jsonb,
	"review_decided_at" timestamp with time zone,
	"reexamination_requested_on" date,
	"reexamination" jsonb,
	"reexamination_decided_at" timestamp with time zone,
	"leader_user_id" uuid,
	"leader_taken_at" timestamp with time zone,
	"supervision_count" integer DEFAULT 0 NOT NULL,
	"last_supervised_at" timestamp with time zone,
	"notice_count" integer DEFAULT 0 NOT NULL,
	"ended_at" timestamp with time zone,
	"registered_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "petitions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "petition_events_seq_idx" ON "petition_events" USING btree ("petition_id","seq");--> statement-breakpoint
CREATE INDEX "petition_petitioners_petition_idx" ON "petition_petitioners" USING btree ("petition_id");--> statement-breakpoint
CREATE INDEX "petition_petitioners_id_hash_idx" ON "petition_petitioners" USING btree ("id_hash") WHERE id_hash IS NOT NULL;--> statement-breakpoint
CREATE INDEX "petitions_region_idx" ON "petitions" USING btree ("region_path" text_pattern_ops,"registered_at");--> statement-breakpoint
CREATE INDEX "petitions_registered_idx" ON "petitions" USING btree ("registered_at");--> statement-breakpoint
CREATE INDEX "petitions_matter_idx" ON "petitions" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "petitions_subject_key_idx" ON "petitions" USING btree ("subject_key") WHERE subject_key IS NOT NULL;--> statement-breakpoint
CREATE INDEX "petitions_leader_idx" ON "petitions" USING btree ("leader_user_id") WHERE leader_user_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "petitions_deadline_idx" ON "petitions" USING btree ("stage_deadline");--> statement-breakpoint
-- hand-written
-- A petition's history is append-only, like a case's and a dispute's: its events are never changed or deleted.
CREATE OR REPLACE FUNCTION petition_events_guard() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'petition_events is append-only: % refused', lower(TG_OP) USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER petition_events_append_only
  BEFORE UPDATE OR DELETE ON petition_events
  FOR EACH ROW EXECUTE FUNCTION petition_events_guard();
