CREATE TABLE "activity_signups" (
	"activity_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"signed_up_at" timestamp with time zone NOT NULL,
	"checked_in_at" timestamp with time zone,
	"check_in_distance_m" integer,
	"checked_out_at" timestamp with time zone,
	"minutes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "activity_signups_activity_id_volunteer_id_pk" PRIMARY KEY("activity_id","volunteer_id")
);
--> statement-breakpoint
CREATE TABLE "force_activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_path" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"place_name" text NOT NULL,
	"lon" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "force_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"name" text NOT NULL,
	"duty" text,
	"phone_enc" text,
	"phone_hash" text,
	"phone_masked" text,
	"id_enc" text,
	"id_hash" text,
	"id_masked" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "force_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_path" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"name" text NOT NULL,
	"skills" text,
	"state" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "claimant_user_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "claim_handled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "claimable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_signups" ADD CONSTRAINT "activity_signups_activity_id_force_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."force_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signups" ADD CONSTRAINT "activity_signups_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "force_members" ADD CONSTRAINT "force_members_team_id_force_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."force_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_signups_volunteer_idx" ON "activity_signups" USING btree ("volunteer_id");--> statement-breakpoint
CREATE INDEX "force_activities_region_idx" ON "force_activities" USING btree ("region_path","starts_at");--> statement-breakpoint
CREATE INDEX "force_members_team_idx" ON "force_members" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "force_teams_region_idx" ON "force_teams" USING btree ("region_path");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_user_uq" ON "volunteers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "volunteers_region_idx" ON "volunteers" USING btree ("region_path");--> statement-breakpoint
-- 市民认领: the starter catalogue's claimable items (items-catalogue.ts) for catalogues adopted before the flag existed.
UPDATE "items" SET "claimable" = true WHERE "code" IN ('01001', '01004', '02007') AND "negative_list" = false AND "unclassified" = false;
