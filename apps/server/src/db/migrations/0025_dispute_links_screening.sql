CREATE TABLE "risk_meeting_decisions" (
	"meeting_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"dispute_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text NOT NULL,
	"risk" text,
	"civil_to_criminal" boolean,
	"stability_user_id" uuid,
	"dispute_event_seq" integer,
	CONSTRAINT "risk_meeting_decisions_meeting_id_seq_pk" PRIMARY KEY("meeting_id","seq")
);
--> statement-breakpoint
CREATE TABLE "risk_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_path" text NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"topic" text NOT NULL,
	"place" text,
	"participants" text[] NOT NULL,
	"minutes" text NOT NULL,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"organiser_id" uuid NOT NULL,
	"organiser_name" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_report_disputes" (
	"report_id" uuid NOT NULL,
	"dispute_id" uuid NOT NULL,
	"registered_here" boolean NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "screening_report_disputes_report_id_dispute_id_pk" PRIMARY KEY("report_id","dispute_id")
);
--> statement-breakpoint
CREATE TABLE "screening_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"grid_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"zero" boolean NOT NULL,
	"note" text,
	"reporter_id" uuid NOT NULL,
	"reporter_name" text,
	"idempotency_key" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"late" boolean NOT NULL,
	"first_zero" boolean NOT NULL,
	"amendments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_path" text NOT NULL,
	"period_kind" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"label" text NOT NULL,
	"warn_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_schedules" (
	"region_path" text PRIMARY KEY NOT NULL,
	"period_kind" text NOT NULL,
	"grace_days" integer DEFAULT 0 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "converted_dispute_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "source_dispute_id" uuid;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "referred_case_id" uuid;--> statement-breakpoint
ALTER TABLE "risk_meeting_decisions" ADD CONSTRAINT "risk_meeting_decisions_meeting_id_risk_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."risk_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_report_disputes" ADD CONSTRAINT "screening_report_disputes_report_id_screening_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."screening_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_reports" ADD CONSTRAINT "screening_reports_round_id_screening_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."screening_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_meeting_decisions_dispute_idx" ON "risk_meeting_decisions" USING btree ("dispute_id");--> statement-breakpoint
CREATE INDEX "risk_meetings_region_idx" ON "risk_meetings" USING btree ("region_path" text_pattern_ops,"held_at");--> statement-breakpoint
CREATE INDEX "risk_meetings_attachments_idx" ON "risk_meetings" USING gin ("attachment_ids") WHERE attachment_ids <> '{}'::uuid[];--> statement-breakpoint
CREATE INDEX "screening_report_disputes_dispute_idx" ON "screening_report_disputes" USING btree ("dispute_id");--> statement-breakpoint
CREATE UNIQUE INDEX "screening_reports_grid_idx" ON "screening_reports" USING btree ("round_id","grid_id");--> statement-breakpoint
CREATE INDEX "screening_reports_region_idx" ON "screening_reports" USING btree ("region_path" text_pattern_ops,"reported_at");--> statement-breakpoint
CREATE UNIQUE INDEX "screening_rounds_period_idx" ON "screening_rounds" USING btree ("region_path","period_start");--> statement-breakpoint
CREATE INDEX "screening_rounds_due_idx" ON "screening_rounds" USING btree ("due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_source_dispute_idx" ON "cases" USING btree ("source_dispute_id") WHERE source_dispute_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_converted_case_idx" ON "disputes" USING btree ("linked_case_id") WHERE source = 'case_conversion';