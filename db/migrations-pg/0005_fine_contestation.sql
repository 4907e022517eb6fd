ALTER TABLE "antai_notices" ADD COLUMN "contest_case_id" text;--> statement-breakpoint
ALTER TABLE "antai_notices" ADD COLUMN "reopened_at" timestamp (3) with time zone;