CREATE TABLE "journal_verifications" (
	"class_session_id" text PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"head_hash" text NOT NULL,
	"frontier" jsonb NOT NULL,
	"verified_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "journal_verifications" ADD CONSTRAINT "journal_verifications_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;