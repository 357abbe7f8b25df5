CREATE TABLE "owner_account_links" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"resident_id" uuid NOT NULL,
	"verified_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "owner_vote_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vote_id" uuid NOT NULL,
	"voter_id" uuid NOT NULL,
	"choice" text NOT NULL,
	"channel" text NOT NULL,
	"area_centi" bigint NOT NULL,
	"headcount" integer NOT NULL,
	"receipt_code" text NOT NULL,
	"receipt_hash" text NOT NULL,
	"cast_by" uuid NOT NULL,
	"resident_id" uuid,
	"scan_attachment_id" uuid,
	"proxy_name_enc" text,
	"proxy_name_masked" text,
	"idempotency_key" text NOT NULL,
	"cast_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "owner_vote_voters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vote_id" uuid NOT NULL,
	"voter_key" text NOT NULL,
	"owner_ids" uuid[] NOT NULL,
	"unit_ids" uuid[] NOT NULL,
	"units" text NOT NULL,
	"area_centi" bigint NOT NULL,
	"headcount" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "owner_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"building_ids" uuid[] NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"item" text NOT NULL,
	"state" text NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"roll_area_centi" bigint,
	"roll_headcount" integer,
	"tally" jsonb,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "owner_vote_ballots_voter_idx" ON "owner_vote_ballots" USING btree ("vote_id","voter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "owner_vote_ballots_receipt_idx" ON "owner_vote_ballots" USING btree ("receipt_hash");--> statement-breakpoint
CREATE INDEX "owner_vote_ballots_scan_idx" ON "owner_vote_ballots" USING btree ("scan_attachment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "owner_vote_voters_key_idx" ON "owner_vote_voters" USING btree ("vote_id","voter_key");--> statement-breakpoint
CREATE INDEX "owner_vote_voters_owners_idx" ON "owner_vote_voters" USING gin ("owner_ids");--> statement-breakpoint
CREATE INDEX "owner_votes_region_path_idx" ON "owner_votes" USING btree ("region_path" text_pattern_ops);