DROP INDEX "cases_unit_idx";--> statement-breakpoint
DROP INDEX "cases_user_idx";--> statement-breakpoint
DROP INDEX "cases_verifier_idx";--> statement-breakpoint
DROP INDEX "notifications_user_idx";--> statement-breakpoint
DROP INDEX "notifications_unit_idx";--> statement-breakpoint
DROP INDEX "notifications_region_idx";--> statement-breakpoint
CREATE INDEX "cases_unit_idx" ON "cases" USING btree ("assignee_unit_id","state") WHERE assignee_unit_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_user_idx" ON "cases" USING btree ("assignee_user_id","state") WHERE assignee_user_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_verifier_idx" ON "cases" USING btree ("verifier_user_id","state") WHERE verifier_user_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","id") WHERE user_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notifications_unit_idx" ON "notifications" USING btree ("unit_id","id") WHERE unit_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notifications_region_idx" ON "notifications" USING btree ("role","id") WHERE role IS NOT NULL;