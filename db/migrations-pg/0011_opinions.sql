CREATE TABLE "opinions" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"case_id" text NOT NULL,
	"procedure" text NOT NULL,
	"satisfaction" text,
	"ease" text,
	"help" jsonb NOT NULL,
	"comment" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "opinions_case" ON "opinions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "opinions_session" ON "opinions" USING btree ("class_session_id","procedure");