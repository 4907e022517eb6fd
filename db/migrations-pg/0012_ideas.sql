CREATE TABLE "idea_votes" (
	"id" text PRIMARY KEY NOT NULL,
	"idea_id" text NOT NULL,
	"class_session_id" text NOT NULL,
	"voter_id" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ideas" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"procedure" text NOT NULL,
	"author_kind" text NOT NULL,
	"author_id" text NOT NULL,
	"text" text NOT NULL,
	"retained_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "idea_votes" ADD CONSTRAINT "idea_votes_idea_id_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_votes" ADD CONSTRAINT "idea_votes_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "idea_votes_one" ON "idea_votes" USING btree ("idea_id","voter_id");--> statement-breakpoint
CREATE INDEX "ideas_session" ON "ideas" USING btree ("class_session_id","created_at");