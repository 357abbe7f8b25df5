DROP INDEX "case_deadlines_due_idx";--> statement-breakpoint
ALTER TABLE "case_deadlines" DROP CONSTRAINT "case_deadlines_case_id_light_pk";--> statement-breakpoint
CREATE INDEX "case_deadlines_due_idx" ON "case_deadlines" USING btree ("light","at","case_id");