ALTER TABLE "cases" ADD COLUMN "converted_dispute_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "source_dispute_id" uuid;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "referred_case_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_source_dispute_idx" ON "cases" USING btree ("source_dispute_id") WHERE source_dispute_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_converted_case_idx" ON "disputes" USING btree ("linked_case_id") WHERE source = 'case_conversion';