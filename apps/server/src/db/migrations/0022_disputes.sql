CREATE SEQUENCE "public"."dispute_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "dispute_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dispute_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dispute_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL,
	"note" text,
	"data" jsonb NOT NULL,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"side" text NOT NULL,
	"role" text NOT NULL,
	"name_enc" text,
	"name_masked" text NOT NULL,
	"org_name" text,
	"credit_code" text,
	"id_enc" text,
	"id_hash" text,
	"id_masked" text,
	"phone_enc" text,
	"phone_hash" text,
	"phone_masked" text,
	"address" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"limits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"type_code" text NOT NULL,
	"summary" text NOT NULL,
	"region_path" text NOT NULL,
	"address" text,
	"state" text NOT NULL,
	"tier" text NOT NULL,
	"risk" text NOT NULL,
	"civil_to_criminal" boolean DEFAULT false NOT NULL,
	"stability_user_id" uuid,
	"source" text NOT NULL,
	"referring_body" text,
	"external_ref" text,
	"linked_case_id" uuid,
	"registered_by" uuid,
	"path" text,
	"organisation_id" uuid,
	"mediator_user_id" uuid,
	"stage" text,
	"stage_started_at" timestamp with time zone,
	"stage_deadline" timestamp with time zone,
	"stage_warn_at" timestamp with time zone,
	"ever_overdue" boolean DEFAULT false NOT NULL,
	"decline_channel" text,
	"guided_path" text,
	"agreement" jsonb,
	"confirmation_deadline" timestamp with time zone,
	"confirmation_result" text,
	"performance" text,
	"session_count" integer DEFAULT 0 NOT NULL,
	"follow_up_count" integer DEFAULT 0 NOT NULL,
	"escalation_count" integer DEFAULT 0 NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"diverted_at" timestamp with time zone,
	"assigned_at" timestamp with time zone,
	"agreed_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "disputes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "mediation_organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"tier" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"type_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediators" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text,
	"linked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "subject_kind" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
ALTER TABLE "mediation_organisations" ADD CONSTRAINT "mediation_organisations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediators" ADD CONSTRAINT "mediators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediators" ADD CONSTRAINT "mediators_organisation_id_mediation_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."mediation_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dispute_events_seq_idx" ON "dispute_events" USING btree ("dispute_id","seq");--> statement-breakpoint
CREATE INDEX "dispute_events_attachments_idx" ON "dispute_events" USING gin ("attachment_ids") WHERE attachment_ids <> '{}'::uuid[];--> statement-breakpoint
CREATE INDEX "dispute_parties_dispute_idx" ON "dispute_parties" USING btree ("dispute_id");--> statement-breakpoint
CREATE INDEX "dispute_parties_id_hash_idx" ON "dispute_parties" USING btree ("id_hash") WHERE id_hash IS NOT NULL;--> statement-breakpoint
CREATE INDEX "dispute_parties_phone_hash_idx" ON "dispute_parties" USING btree ("phone_hash") WHERE phone_hash IS NOT NULL;--> statement-breakpoint
CREATE INDEX "disputes_region_idx" ON "disputes" USING btree ("region_path" text_pattern_ops,"registered_at");--> statement-breakpoint
CREATE INDEX "disputes_registered_idx" ON "disputes" USING btree ("registered_at");--> statement-breakpoint
CREATE INDEX "disputes_organisation_idx" ON "disputes" USING btree ("organisation_id","state") WHERE organisation_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "disputes_mediator_idx" ON "disputes" USING btree ("mediator_user_id","state") WHERE mediator_user_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "disputes_deadline_idx" ON "disputes" USING btree ("stage_deadline");--> statement-breakpoint
CREATE INDEX "mediation_organisations_region_idx" ON "mediation_organisations" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_organisations_region_name_idx" ON "mediation_organisations" USING btree ("region_id","name");--> statement-breakpoint
CREATE INDEX "mediators_organisation_idx" ON "mediators" USING btree ("organisation_id");--> statement-breakpoint
-- Every notification names its subject: the case notifications written before this migration too.
UPDATE "notifications" SET "subject_kind" = 'case', "subject_id" = "case_id" WHERE "case_id" IS NOT NULL;--> statement-breakpoint
-- The dispute types every deployment starts with (STARTER_DISPUTE_TYPES in @gewu/domain), each with its
-- mediation limit (人民调解: one month by default, 15 days for the quick ones); editable by the county admin.
INSERT INTO "dispute_types" ("code", "name", "limits", "sort") VALUES
  ('marriage_family', '婚姻家庭纠纷', '{"mediate":{"amount":30,"unit":"natural_days"}}', 10),
  ('neighbour', '邻里纠纷', '{"mediate":{"amount":15,"unit":"natural_days"}}', 20),
  ('property_management', '物业纠纷', '{"mediate":{"amount":30,"unit":"natural_days"}}', 30),
  ('land_forest', '土地山林纠纷', '{"mediate":{"amount":30,"unit":"natural_days"}}', 40),
  ('labour', '劳资纠纷', '{"mediate":{"amount":30,"unit":"natural_days"}}', 50),
  ('medical', '医患纠纷', '{"mediate":{"amount":30,"unit":"natural_days"}}', 60),
  ('traffic_accident', '交通事故纠纷', '{"mediate":{"amount":30,"unit":"natural_days"}}', 70),
  ('consumer', '消费纠纷', '{"mediate":{"amount":15,"unit":"natural_days"}}', 80),
  ('expropriation', '征地拆迁纠纷', '{"mediate":{"amount":30,"unit":"natural_days"}}', 90),
  ('other', '其他纠纷', '{"mediate":{"amount":30,"unit":"natural_days"}}', 100);
--> statement-breakpoint
-- A dispute's history is append-only, like a case's: its events are never changed or deleted.
CREATE OR REPLACE FUNCTION dispute_events_guard() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'dispute_events is append-only: % refused', lower(TG_OP) USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER dispute_events_append_only
  BEFORE UPDATE OR DELETE ON dispute_events
  FOR EACH ROW EXECUTE FUNCTION dispute_events_guard();
