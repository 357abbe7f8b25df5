CREATE TABLE "buildings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_path" text NOT NULL,
	"village_id" uuid NOT NULL,
	"grid_id" uuid,
	"name" text NOT NULL,
	"address" text,
	"floors" integer,
	"lon" double precision,
	"lat" double precision
);
--> statement-breakpoint
CREATE TABLE "change_counters" (
	"topic" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grid_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grid_id" uuid NOT NULL,
	"duty" text NOT NULL,
	"user_id" uuid,
	"person_name" text NOT NULL,
	"phone_enc" text,
	"phone_hash" text,
	"phone_masked" text,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "grid_boundaries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "grid_boundaries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"grid_id" uuid NOT NULL,
	"geometry" jsonb NOT NULL,
	"min_lon" double precision NOT NULL,
	"min_lat" double precision NOT NULL,
	"max_lon" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	"area_m2" double precision NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "grids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(18) NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"dedicated_kind" text,
	"village_id" uuid NOT NULL,
	"parent_grid_id" uuid,
	"region_path" text NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "grids_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "houses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_path" text NOT NULL,
	"village_id" uuid NOT NULL,
	"grid_id" uuid,
	"building_id" uuid,
	"address" text NOT NULL,
	"usage" text NOT NULL,
	"area_m2" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_places" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_path" text NOT NULL,
	"village_id" uuid NOT NULL,
	"grid_id" uuid,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"address" text,
	"lon" double precision,
	"lat" double precision
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_path" text NOT NULL,
	"village_id" uuid NOT NULL,
	"grid_id" uuid,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"credit_code" text,
	"address" text,
	"employees" integer
);
--> statement-breakpoint
CREATE TABLE "resident_houses" (
	"resident_id" uuid NOT NULL,
	"house_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"since" date,
	CONSTRAINT "resident_houses_resident_id_house_id_pk" PRIMARY KEY("resident_id","house_id")
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_path" text NOT NULL,
	"village_id" uuid NOT NULL,
	"grid_id" uuid,
	"name" text NOT NULL,
	"gender" text,
	"birth_date" date,
	"ethnicity" text,
	"id_enc" text,
	"id_hash" text,
	"id_masked" text,
	"phone_enc" text,
	"phone_hash" text,
	"phone_masked" text,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"address" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "special_populations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resident_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"kind" text NOT NULL,
	"risk_level" text NOT NULL,
	"helper_group" text[] DEFAULT '{}'::text[] NOT NULL,
	"visit_interval_days" integer NOT NULL,
	"next_visit_due" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resident_id" uuid NOT NULL,
	"special_population_id" uuid,
	"region_path" text NOT NULL,
	"visitor_id" uuid NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"note" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "boundary" jsonb;--> statement-breakpoint
ALTER TABLE "grid_assignments" ADD CONSTRAINT "grid_assignments_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_boundaries" ADD CONSTRAINT "grid_boundaries_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grids" ADD CONSTRAINT "grids_village_id_regions_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "buildings_region_path_idx" ON "buildings" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "grid_assignments_grid_idx" ON "grid_assignments" USING btree ("grid_id");--> statement-breakpoint
CREATE INDEX "grid_assignments_user_idx" ON "grid_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "grid_boundaries_grid_idx" ON "grid_boundaries" USING btree ("grid_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "grid_boundaries_current_idx" ON "grid_boundaries" USING btree ("grid_id") WHERE valid_to IS NULL;--> statement-breakpoint
CREATE INDEX "grids_region_path_idx" ON "grids" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "grids_village_idx" ON "grids" USING btree ("village_id");--> statement-breakpoint
CREATE INDEX "houses_region_path_idx" ON "houses" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "houses_grid_idx" ON "houses" USING btree ("grid_id");--> statement-breakpoint
CREATE INDEX "key_places_region_path_idx" ON "key_places" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "organisations_region_path_idx" ON "organisations" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "resident_houses_house_idx" ON "resident_houses" USING btree ("house_id");--> statement-breakpoint
CREATE INDEX "residents_region_path_idx" ON "residents" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "residents_grid_idx" ON "residents" USING btree ("grid_id");--> statement-breakpoint
CREATE UNIQUE INDEX "residents_id_hash_idx" ON "residents" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "residents_phone_hash_idx" ON "residents" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "residents_categories_idx" ON "residents" USING gin ("categories");--> statement-breakpoint
CREATE INDEX "special_populations_region_path_idx" ON "special_populations" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "special_populations_resident_idx" ON "special_populations" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "visits_resident_idx" ON "visits" USING btree ("resident_id","visited_at");