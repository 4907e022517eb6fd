CREATE TABLE "appointments" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"case_id" text NOT NULL,
	"place" text NOT NULL,
	"day" bigint NOT NULL,
	"slot" bigint NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"booked_at" timestamp (3) with time zone NOT NULL,
	"cancelled_at" timestamp (3) with time zone,
	"checked_at" timestamp (3) with time zone,
	"collection_asked_at" timestamp (3) with time zone,
	"collected_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_slot" ON "appointments" USING btree ("class_session_id","place","day","slot") WHERE cancelled_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_case" ON "appointments" USING btree ("case_id") WHERE cancelled_at is null;