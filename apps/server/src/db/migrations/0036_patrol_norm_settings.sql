CREATE TABLE "patrol_norm_settings" (
	"region_path" text PRIMARY KEY NOT NULL,
	"norm_id" text NOT NULL,
	"name" text NOT NULL,
	"days_per_week" smallint NOT NULL,
	"patrols_per_day" smallint NOT NULL,
	"hours_per_day" double precision NOT NULL,
	"reports_per_day" smallint NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
