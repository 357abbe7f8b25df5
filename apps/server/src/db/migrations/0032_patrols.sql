CREATE TABLE "patrol_checkins" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patrol_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"distance_m" integer NOT NULL,
	"radius_m" integer NOT NULL,
	"accuracy_m" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_segments" (
	"patrol_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"t0" bigint NOT NULL,
	"t1" bigint NOT NULL,
	"n" smallint NOT NULL,
	"flagged" smallint NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "patrol_segments_patrol_id_seq_pk" PRIMARY KEY("patrol_id","seq")
);
--> statement-breakpoint
CREATE TABLE "patrols" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_path" text NOT NULL,
	"village_id" uuid NOT NULL,
	"grid_id" uuid,
	"worker_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "key_places" ADD COLUMN "radius_m" integer;--> statement-breakpoint
CREATE INDEX "patrol_checkins_patrol_idx" ON "patrol_checkins" USING btree ("patrol_id");--> statement-breakpoint
CREATE INDEX "patrols_region_path_idx" ON "patrols" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "patrols_worker_idx" ON "patrols" USING btree ("worker_id","started_at");