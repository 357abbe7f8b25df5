CREATE TABLE "inspection_answers" (
	"inspection_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"result" text NOT NULL,
	"value" double precision,
	"note" text,
	"photo_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"case_id" uuid,
	CONSTRAINT "inspection_answers_inspection_id_item_key_pk" PRIMARY KEY("inspection_id","item_key")
);
--> statement-breakpoint
CREATE TABLE "inspection_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"region_path" text NOT NULL,
	"name" text NOT NULL,
	"place_types" text[] NOT NULL,
	"items" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"template_key" text NOT NULL,
	"place_kind" text NOT NULL,
	"place_id" uuid NOT NULL,
	"place_name" text NOT NULL,
	"place_type" text NOT NULL,
	"region_path" text NOT NULL,
	"grid_id" uuid,
	"lon" double precision,
	"lat" double precision,
	"inspector_id" uuid NOT NULL,
	"inspector_name" text NOT NULL,
	"performed_at" timestamp with time zone NOT NULL,
	"failed_count" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_templates_key_version_idx" ON "inspection_templates" USING btree ("key","version");--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_client_idx" ON "inspections" USING btree ("inspector_id","client_id");--> statement-breakpoint
CREATE INDEX "inspections_region_path_idx" ON "inspections" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "inspections_place_idx" ON "inspections" USING btree ("place_kind","place_id","template_key","performed_at");