CREATE TABLE "journal_tallies" (
	"class_session_id" text PRIMARY KEY NOT NULL,
	"up_to" bigint NOT NULL,
	"counts" jsonb NOT NULL,
	"counted_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "journal_tallies" ADD CONSTRAINT "journal_tallies_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;