CREATE TABLE "login_account_failures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "login_account_failures_name_idx" ON "login_account_failures" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "login_account_failures_at_idx" ON "login_account_failures" USING btree ("at");