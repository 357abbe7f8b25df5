DROP INDEX "cases_overdue_sweep_idx";--> statement-breakpoint
DROP INDEX "cases_warn_sweep_idx";--> statement-breakpoint
CREATE INDEX "cases_reported_state_idx" ON "cases" USING btree ("reported_at","state");--> statement-breakpoint
CREATE INDEX "cases_deadline_idx" ON "cases" USING btree ("stage_deadline" ASC NULLS LAST,"reported_at" DESC);--> statement-breakpoint
CREATE INDEX "cases_overdue_sweep_idx" ON "cases" USING btree ("stage_deadline") WHERE stage IS NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_warn_sweep_idx" ON "cases" USING btree ("stage_warn_at") WHERE stage IS NOT NULL;--> statement-breakpoint
-- Room on each page for in-place (HOT) updates: the sweep flags and most transitions rewrite a case row.
ALTER TABLE "cases" SET (fillfactor = 90);