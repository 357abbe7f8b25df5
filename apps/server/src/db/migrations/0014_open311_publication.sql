CREATE TABLE "case_publications" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"published" boolean NOT NULL,
	"public_description" text,
	"description_hidden" boolean DEFAULT false NOT NULL,
	"moderated_by" uuid NOT NULL,
	"moderated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "public_consent" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
-- Requests filed through Open311 before consent was recorded were public by the client's own act (see publicCopy in @gewu/domain).
UPDATE "cases" SET "public_consent" = true WHERE "channel" = 'api' AND "source" = 'open311';
