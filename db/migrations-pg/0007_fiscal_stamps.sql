CREATE TABLE "fiscal_stamps" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"persona_id" text NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"card_last4" text NOT NULL,
	"bought_at" timestamp (3) with time zone NOT NULL,
	"used_by_case_id" text
);
--> statement-breakpoint
ALTER TABLE "fiscal_stamps" ADD CONSTRAINT "fiscal_stamps_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_stamps" ADD CONSTRAINT "fiscal_stamps_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fiscal_stamps" ADD CONSTRAINT "fiscal_stamps_used_by_case_id_cases_id_fk" FOREIGN KEY ("used_by_case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fiscal_stamps_number" ON "fiscal_stamps" USING btree ("class_session_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "fiscal_stamps_case" ON "fiscal_stamps" USING btree ("used_by_case_id") WHERE used_by_case_id is not null;