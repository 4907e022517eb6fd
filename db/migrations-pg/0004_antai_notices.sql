CREATE TABLE "antai_notices" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"persona_id" text NOT NULL,
	"number" text NOT NULL,
	"offence_key" text NOT NULL,
	"kind" text NOT NULL,
	"fine_class" bigint NOT NULL,
	"offence" text NOT NULL,
	"place" text NOT NULL,
	"offence_at" timestamp (3) with time zone NOT NULL,
	"registration" text NOT NULL,
	"holder_name" text NOT NULL,
	"holder_kind" text NOT NULL,
	"address_line" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"delivered_at" timestamp (3) with time zone,
	"state" text DEFAULT 'a_payer' NOT NULL,
	"paid_at" timestamp (3) with time zone,
	"paid_cents" bigint,
	"journal_entry_id" text,
	"designated_from" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "antai_notices" ADD CONSTRAINT "antai_notices_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antai_notices" ADD CONSTRAINT "antai_notices_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "antai_notices_number" ON "antai_notices" USING btree ("class_session_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "antai_notices_offence" ON "antai_notices" USING btree ("class_session_id","offence_key") WHERE designated_from is null;