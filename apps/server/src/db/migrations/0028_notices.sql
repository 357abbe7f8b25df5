CREATE TABLE "notice_boards" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"region_path" text NOT NULL,
	"many_finance_transactions" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_inquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"asker_id" uuid NOT NULL,
	"question" text NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"warn_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"idempotency_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"category" text NOT NULL,
	"last_published_on" date,
	"due_on" date NOT NULL,
	"warn_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"series_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"period_from" date,
	"period_to" date,
	"attachment_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text NOT NULL,
	"reason" text,
	"source_ref" text,
	"idempotency_key" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "notice_boards" ADD CONSTRAINT "notice_boards_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_inquiries" ADD CONSTRAINT "notice_inquiries_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_schedules" ADD CONSTRAINT "notice_schedules_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notice_inquiries_idempotency" ON "notice_inquiries" USING btree ("asker_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "notice_inquiries_series_idx" ON "notice_inquiries" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "notice_inquiries_open_idx" ON "notice_inquiries" USING btree ("region_path","deadline") WHERE answered_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "notice_schedules_region_category" ON "notice_schedules" USING btree ("region_id","category");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_series_version" ON "notices" USING btree ("series_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_series_current" ON "notices" USING btree ("series_id") WHERE state = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "notices_idempotency" ON "notices" USING btree ("created_by","idempotency_key") WHERE idempotency_key IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notices_region_idx" ON "notices" USING btree ("region_id","state","published_at");--> statement-breakpoint
-- hand-written
-- A published notice is never altered (村(居)务公开: a correction is a new version): the only change a
-- published row accepts is becoming superseded, with everything it said kept; a superseded row accepts
-- none; neither may be deleted. Drafts are edited and deleted freely.
CREATE OR REPLACE FUNCTION notices_published_guard() RETURNS trigger AS $$
BEGIN
  IF OLD.state = 'draft' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.state = 'published' AND NEW.state = 'superseded' AND NEW.superseded_at IS NOT NULL
     AND (NEW.id, NEW.series_id, NEW.version, NEW.row_version, NEW.region_id, NEW.region_path, NEW.category,
          NEW.title, NEW.body, NEW.period_from, NEW.period_to, NEW.attachment_ids, NEW.reason, NEW.source_ref,
          NEW.idempotency_key, NEW.created_by, NEW.created_at, NEW.published_at, NEW.published_by)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.series_id, OLD.version, OLD.row_version, OLD.region_id, OLD.region_path, OLD.category,
          OLD.title, OLD.body, OLD.period_from, OLD.period_to, OLD.attachment_ids, OLD.reason, OLD.source_ref,
          OLD.idempotency_key, OLD.created_by, OLD.created_at, OLD.published_at, OLD.published_by) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'notice % is published: % refused (supersede it with a new version)', OLD.id, lower(TG_OP)
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER notices_published_immutable
  BEFORE UPDATE OR DELETE ON notices
  FOR EACH ROW EXECUTE FUNCTION notices_published_guard();
--> statement-breakpoint
ALTER TABLE notices ADD CONSTRAINT notices_published_has_time CHECK (state = 'draft' OR published_at IS NOT NULL);
