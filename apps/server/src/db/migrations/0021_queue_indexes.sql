DROP INDEX "cases_nearby_idx";--> statement-breakpoint
CREATE INDEX "cases_item_code_idx" ON "cases" USING btree ("item_code" text_pattern_ops,"reported_at");--> statement-breakpoint
CREATE INDEX "cases_nearby_idx" ON "cases" USING btree ("item_id","lat","lon","reported_at");