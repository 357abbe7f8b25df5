CREATE TABLE "consultation_settings" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"region_path" text NOT NULL,
	"support_threshold" integer NOT NULL,
	"response_days" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "consultation_supports" (
	"topic_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"supported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consultation_supports_topic_id_user_id_pk" PRIMARY KEY("topic_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"source" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"raiser_id" uuid NOT NULL,
	"state" text NOT NULL,
	"supports" integer DEFAULT 0 NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"response_warn_at" timestamp with time zone NOT NULL,
	"response_deadline" timestamp with time zone NOT NULL,
	"council" text,
	"planned_meeting_on" date,
	"take_up_note" text,
	"decline_reason" text,
	"responded_at" timestamp with time zone,
	"responded_by" uuid,
	"meeting" jsonb,
	"discussed_at" timestamp with time zone,
	"discussed_by" uuid,
	"implementation_warn_at" timestamp with time zone,
	"implementation_deadline" timestamp with time zone,
	"implementation_result" text,
	"implementation_attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"implemented_at" timestamp with time zone,
	"implemented_by" uuid,
	"notice_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"idempotency_key" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_settings" ADD CONSTRAINT "consultation_settings_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_supports" ADD CONSTRAINT "consultation_supports_topic_id_consultation_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."consultation_topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_supports" ADD CONSTRAINT "consultation_supports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_topics" ADD CONSTRAINT "consultation_topics_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_topics" ADD CONSTRAINT "consultation_topics_raiser_id_users_id_fk" FOREIGN KEY ("raiser_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_supports_user_idx" ON "consultation_supports" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_topics_idempotency" ON "consultation_topics" USING btree ("raiser_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "consultation_topics_region_idx" ON "consultation_topics" USING btree ("region_path","state","raised_at");