CREATE TABLE "case_supplements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"note" text NOT NULL,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "unclassified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "case_supplements_case_idx" ON "case_supplements" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_supplements_idempotency_idx" ON "case_supplements" USING btree ("author_user_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "case_supplements_attachments_idx" ON "case_supplements" USING gin ("attachment_ids") WHERE attachment_ids <> '{}'::uuid[];--> statement-breakpoint
-- 不确定/其他 (issue 14): the item a resident picks when no category fits; the centre classifies the case at acceptance.
-- The same data as STARTER_CATALOGUE in @gewu/domain (99000); a deployment that already has the code keeps its own.
INSERT INTO "items" ("code", "category_code", "name", "legal_basis", "filing_condition", "closing_condition", "limits", "department_kind", "grid_eligible", "negative_list", "public_report", "minor", "keywords", "fields", "unclassified", "updated_at")
VALUES ('99000', '99', '不确定/其他', '《无锡市社会治理促进条例(草案)》第四十五条（一窗口受理）；首接负责制：由受理的综治中心确定事项后分类流转', '群众无法判断问题类别；受理时由中心确定具体事项后按该事项立案', '按受理时确定的具体事项的结案条件办结', '{"accept":{"amount":2,"unit":"work_hours"},"dispatch":{"amount":1,"unit":"work_hours"},"sign":{"amount":2,"unit":"work_hours"},"handle":{"amount":5,"unit":"work_days"},"verify":{"amount":1,"unit":"work_days"}}'::jsonb, 'governance_centre', false, false, true, false, ARRAY['不确定', '其他', '不知道', '不清楚', '说不清', '别的', '找不到类别']::text[], '[]'::jsonb, true, now())
ON CONFLICT ("code") DO NOTHING;
