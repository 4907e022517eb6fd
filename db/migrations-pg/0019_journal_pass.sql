ALTER TABLE "journal_verifications" ADD COLUMN "broken" jsonb;--> statement-breakpoint
ALTER TABLE "journal_verifications" ADD COLUMN "pass_started_at" timestamp (3) with time zone;