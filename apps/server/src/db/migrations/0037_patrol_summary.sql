ALTER TABLE "patrols" ADD COLUMN "on_track_s" integer;--> statement-breakpoint
ALTER TABLE "patrols" ADD COLUMN "distance_m" integer;--> statement-breakpoint
ALTER TABLE "patrols" ADD COLUMN "coverage" real;--> statement-breakpoint
CREATE INDEX "patrols_started_idx" ON "patrols" USING btree ("started_at");