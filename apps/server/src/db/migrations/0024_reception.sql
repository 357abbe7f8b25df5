CREATE TABLE "reception_identities" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"id_hash" text NOT NULL,
	"via_visit_id" uuid NOT NULL,
	"proved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_lookup_failures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reception_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"receipt_number" text NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"name_enc" text,
	"name_masked" text,
	"id_enc" text,
	"id_hash" text,
	"id_masked" text,
	"phone_enc" text,
	"phone_hash" text,
	"phone_masked" text,
	"headcount" integer DEFAULT 1 NOT NULL,
	"category" text NOT NULL,
	"matter" text NOT NULL,
	"track" text NOT NULL,
	"track_record_id" uuid,
	"track_code" text,
	"state" text,
	"details" jsonb,
	"registered_by" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"claimed_by" uuid
);
--> statement-breakpoint
ALTER TABLE "reception_identities" ADD CONSTRAINT "reception_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_visits" ADD CONSTRAINT "reception_visits_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_visits" ADD CONSTRAINT "reception_visits_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_visits" ADD CONSTRAINT "reception_visits_claimed_by_users_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reception_lookup_failures_key_idx" ON "reception_lookup_failures" USING btree ("key","at");--> statement-breakpoint
CREATE INDEX "reception_lookup_failures_at_idx" ON "reception_lookup_failures" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_visits_receipt_idx" ON "reception_visits" USING btree ("receipt_number");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_visits_idempotency_idx" ON "reception_visits" USING btree ("registered_by","idempotency_key");--> statement-breakpoint
CREATE INDEX "reception_visits_region_idx" ON "reception_visits" USING btree ("region_path" text_pattern_ops,"visited_at");--> statement-breakpoint
CREATE INDEX "reception_visits_id_hash_idx" ON "reception_visits" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "reception_visits_claimed_idx" ON "reception_visits" USING btree ("claimed_by");--> statement-breakpoint
CREATE INDEX "reception_visits_record_idx" ON "reception_visits" USING btree ("track_record_id");