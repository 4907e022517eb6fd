CREATE TABLE "agencies" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"mission" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communes" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"postal_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "streets" (
	"id" bigint PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"name" text NOT NULL,
	"first_number" bigint NOT NULL,
	"last_number" bigint NOT NULL,
	"parking_zone" text
);
--> statement-breakpoint
CREATE TABLE "teachers" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "teachers_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "class_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"join_code" text NOT NULL,
	"teacher_id" text,
	"preset" text DEFAULT 'tout' NOT NULL,
	"expected_students" bigint DEFAULT 30 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone,
	"auto_instruction_delay_seconds" bigint DEFAULT 10 NOT NULL,
	"counter_wait_minutes" bigint DEFAULT 20 NOT NULL,
	"bodies_played" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"simulate_network" boolean DEFAULT true NOT NULL,
	"patience_minutes" bigint DEFAULT 5 NOT NULL,
	CONSTRAINT "class_sessions_join_code_unique" UNIQUE("join_code")
);
--> statement-breakpoint
CREATE TABLE "personas" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"key" text NOT NULL,
	"given_names" text NOT NULL,
	"family_name" text NOT NULL,
	"preferred_name" text,
	"gender" text NOT NULL,
	"birthdate" text NOT NULL,
	"birthplace_code" text,
	"birthplace_name" text NOT NULL,
	"birthcountry_code" text NOT NULL,
	"birthcountry_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text NOT NULL,
	"address_line" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"occupation" text NOT NULL,
	"digital_profile" text NOT NULL,
	"scenario_title" text NOT NULL,
	"situation" text NOT NULL,
	"goal" text NOT NULL,
	"constraints" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agents" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"agency_id" text NOT NULL,
	"unit" text,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"email" text NOT NULL,
	"job_title" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idp_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"subject" text NOT NULL,
	"auth_time" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"ended_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "oidc_access_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"client_id" text NOT NULL,
	"subject" text NOT NULL,
	"scope" text NOT NULL,
	"code_hash" text NOT NULL,
	"session_id" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"revoked_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "oidc_clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"redirect_uris" jsonb NOT NULL,
	"post_logout_redirect_uris" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oidc_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"client_id" text NOT NULL,
	"subject" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"scope" text NOT NULL,
	"nonce" text NOT NULL,
	"code_challenge" text NOT NULL,
	"acr" text,
	"session_id" text NOT NULL,
	"auth_time" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"consumed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "oidc_interactions" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"client_id" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"scope" text NOT NULL,
	"state" text NOT NULL,
	"nonce" text NOT NULL,
	"code_challenge" text NOT NULL,
	"acr" text,
	"login_hint" text,
	"class_session_id" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"completed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "dgfip_taxpayers" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"persona_id" text NOT NULL,
	"tax_number" text NOT NULL,
	"address_line" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"residence_type" text NOT NULL,
	"household_parts" double precision NOT NULL,
	"reference_income" bigint NOT NULL,
	"last_return_year" bigint NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "siv_vehicles" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"persona_id" text NOT NULL,
	"registration" text NOT NULL,
	"holder_kind" text NOT NULL,
	"holder_name" text NOT NULL,
	"make" text NOT NULL,
	"model" text NOT NULL,
	"first_registered_on" text NOT NULL,
	"address_line" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "caf_beneficiaries" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"persona_id" text NOT NULL,
	"beneficiary_number" text NOT NULL,
	"address_line" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"family_situation" text NOT NULL,
	"benefits" jsonb NOT NULL,
	"monthly_amount" bigint NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cpam_insured" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"persona_id" text NOT NULL,
	"social_security_number" text NOT NULL,
	"address_line" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"doctor_name" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "france_travail_jobseekers" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"persona_id" text NOT NULL,
	"jobseeker_id" text NOT NULL,
	"registered_on" text NOT NULL,
	"category" text NOT NULL,
	"address_line" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"adviser_name" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retraite_pensioners" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"persona_id" text NOT NULL,
	"pension_number" text NOT NULL,
	"pension_kind" text NOT NULL,
	"monthly_amount" bigint NOT NULL,
	"started_on" text NOT NULL,
	"address_line" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "la_poste_customers" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"persona_id" text NOT NULL,
	"customer_number" text NOT NULL,
	"address_line" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"has_mail_forwarding" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "etat_civil_birth_records" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"persona_id" text,
	"registry" text NOT NULL,
	"act_number" bigint NOT NULL,
	"year" bigint NOT NULL,
	"family_name" text NOT NULL,
	"given_names" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" text NOT NULL,
	"birth_time" text NOT NULL,
	"birth_place" text NOT NULL,
	"father_name" text,
	"mother_name" text,
	"marginal_notes" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ville_parking_cards" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"persona_id" text NOT NULL,
	"card_number" text NOT NULL,
	"registration" text NOT NULL,
	"zone" text NOT NULL,
	"valid_from" text NOT NULL,
	"valid_until" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_withdrawals" (
	"consent_id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"withdrawn_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"persona_id" text NOT NULL,
	"consumer" text NOT NULL,
	"provider" text NOT NULL,
	"items" jsonb NOT NULL,
	"purpose" text NOT NULL,
	"granted_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"shown_text" text NOT NULL,
	"text_version" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_traces" (
	"journal_entry_id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"request" jsonb NOT NULL,
	"response" jsonb NOT NULL,
	"duration_ms" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"sequence" bigint NOT NULL,
	"recorded_at" text NOT NULL,
	"consumer" text NOT NULL,
	"provider" text NOT NULL,
	"items" jsonb NOT NULL,
	"purpose" text NOT NULL,
	"legal_basis" text,
	"result" text NOT NULL,
	"reason" text,
	"subject" text,
	"case_id" text,
	"hash" text NOT NULL,
	"previous_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journal_heads" (
	"class_session_id" text PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"frontier" jsonb NOT NULL,
	"root_hash" text NOT NULL,
	"checkpoint" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_faults" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"agency" text NOT NULL,
	"kind" text NOT NULL,
	"latency_ms" bigint DEFAULT 0 NOT NULL,
	"failure_rate" double precision DEFAULT 0 NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"agency" text NOT NULL,
	"generation" bigint NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"revoked_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "address_notices" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"class_session_id" text NOT NULL,
	"agency" text NOT NULL,
	"state" text DEFAULT 'a_traiter' NOT NULL,
	"reason" text,
	"decided_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"class_session_id" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"text" text
);
--> statement-breakpoint
CREATE TABLE "case_files" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"class_session_id" text NOT NULL,
	"kind" text NOT NULL,
	"original_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"persona_id" text NOT NULL,
	"procedure" text NOT NULL,
	"agency" text,
	"unit" text,
	"state" text DEFAULT 'brouillon' NOT NULL,
	"answers" jsonb NOT NULL,
	"receipt_number" text,
	"channel" text DEFAULT 'en_ligne' NOT NULL,
	"entered_by" text,
	"mandate_id" text,
	"outcome" jsonb,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"submitted_at" timestamp (3) with time zone,
	"closed_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"persona_id" text NOT NULL,
	"case_id" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"issuer" text,
	"issuer_label" text NOT NULL,
	"issued_at" timestamp (3) with time zone NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"jws" text NOT NULL,
	"pdf_base64" text NOT NULL,
	"pdf_hash" text NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_reads" (
	"viewer" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"last_read_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aidants" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"email" text NOT NULL,
	"structure" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mandates" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"aidant_id" text NOT NULL,
	"persona_id" text NOT NULL,
	"procedures" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone NOT NULL,
	"confirmed_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "classroom_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"participant_id" text,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" text PRIMARY KEY NOT NULL,
	"class_session_id" text NOT NULL,
	"pseudonym" text NOT NULL,
	"pseudonym_key" text NOT NULL,
	"role" text NOT NULL,
	"subject_id" text,
	"device_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"last_seen_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp (3) with time zone NOT NULL,
	"hits" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_preferences" (
	"subject" text PRIMARY KEY NOT NULL,
	"class_session_id" text,
	"values" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"class_session_id" text,
	"result" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "flash_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"owner" text,
	"text" text NOT NULL,
	"tone" text NOT NULL,
	"emphasis" text,
	"path" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "streets" ADD CONSTRAINT "streets_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_sessions" ADD CONSTRAINT "class_sessions_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."teachers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personas" ADD CONSTRAINT "personas_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_access_tokens" ADD CONSTRAINT "oidc_access_tokens_client_id_oidc_clients_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."oidc_clients"("client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_codes" ADD CONSTRAINT "oidc_codes_client_id_oidc_clients_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."oidc_clients"("client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_interactions" ADD CONSTRAINT "oidc_interactions_client_id_oidc_clients_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."oidc_clients"("client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oidc_interactions" ADD CONSTRAINT "oidc_interactions_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dgfip_taxpayers" ADD CONSTRAINT "dgfip_taxpayers_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dgfip_taxpayers" ADD CONSTRAINT "dgfip_taxpayers_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "siv_vehicles" ADD CONSTRAINT "siv_vehicles_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "siv_vehicles" ADD CONSTRAINT "siv_vehicles_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caf_beneficiaries" ADD CONSTRAINT "caf_beneficiaries_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caf_beneficiaries" ADD CONSTRAINT "caf_beneficiaries_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpam_insured" ADD CONSTRAINT "cpam_insured_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpam_insured" ADD CONSTRAINT "cpam_insured_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "france_travail_jobseekers" ADD CONSTRAINT "france_travail_jobseekers_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "france_travail_jobseekers" ADD CONSTRAINT "france_travail_jobseekers_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retraite_pensioners" ADD CONSTRAINT "retraite_pensioners_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retraite_pensioners" ADD CONSTRAINT "retraite_pensioners_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_poste_customers" ADD CONSTRAINT "la_poste_customers_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_poste_customers" ADD CONSTRAINT "la_poste_customers_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "etat_civil_birth_records" ADD CONSTRAINT "etat_civil_birth_records_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "etat_civil_birth_records" ADD CONSTRAINT "etat_civil_birth_records_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ville_parking_cards" ADD CONSTRAINT "ville_parking_cards_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ville_parking_cards" ADD CONSTRAINT "ville_parking_cards_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_withdrawals" ADD CONSTRAINT "consent_withdrawals_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_withdrawals" ADD CONSTRAINT "consent_withdrawals_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_traces" ADD CONSTRAINT "exchange_traces_journal_entry_id_journal_entries_id_fk" FOREIGN KEY ("journal_entry_id") REFERENCES "public"."journal_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_traces" ADD CONSTRAINT "exchange_traces_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_heads" ADD CONSTRAINT "journal_heads_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_faults" ADD CONSTRAINT "platform_faults_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_tokens" ADD CONSTRAINT "platform_tokens_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "address_notices" ADD CONSTRAINT "address_notices_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "address_notices" ADD CONSTRAINT "address_notices_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_reads" ADD CONSTRAINT "notification_reads_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aidants" ADD CONSTRAINT "aidants_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_aidant_id_aidants_id_fk" FOREIGN KEY ("aidant_id") REFERENCES "public"."aidants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mandates" ADD CONSTRAINT "mandates_persona_id_personas_id_fk" FOREIGN KEY ("persona_id") REFERENCES "public"."personas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classroom_messages" ADD CONSTRAINT "classroom_messages_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classroom_messages" ADD CONSTRAINT "classroom_messages_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD CONSTRAINT "user_preferences_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_keys" ADD CONSTRAINT "action_keys_class_session_id_class_sessions_id_fk" FOREIGN KEY ("class_session_id") REFERENCES "public"."class_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "personas_session_key" ON "personas" USING btree ("class_session_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "agents_session_email" ON "agents" USING btree ("class_session_id","email");--> statement-breakpoint
CREATE INDEX "oidc_access_tokens_code" ON "oidc_access_tokens" USING btree ("code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "dgfip_taxpayers_person" ON "dgfip_taxpayers" USING btree ("class_session_id","persona_id");--> statement-breakpoint
CREATE UNIQUE INDEX "siv_vehicles_registration" ON "siv_vehicles" USING btree ("class_session_id","registration");--> statement-breakpoint
CREATE UNIQUE INDEX "caf_beneficiaries_person" ON "caf_beneficiaries" USING btree ("class_session_id","persona_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cpam_insured_person" ON "cpam_insured" USING btree ("class_session_id","persona_id");--> statement-breakpoint
CREATE UNIQUE INDEX "france_travail_jobseekers_person" ON "france_travail_jobseekers" USING btree ("class_session_id","persona_id");--> statement-breakpoint
CREATE UNIQUE INDEX "retraite_pensioners_person" ON "retraite_pensioners" USING btree ("class_session_id","persona_id");--> statement-breakpoint
CREATE UNIQUE INDEX "la_poste_customers_person" ON "la_poste_customers" USING btree ("class_session_id","persona_id");--> statement-breakpoint
CREATE UNIQUE INDEX "birth_records_act" ON "etat_civil_birth_records" USING btree ("class_session_id","registry","year","act_number");--> statement-breakpoint
CREATE UNIQUE INDEX "ville_parking_cards_number" ON "ville_parking_cards" USING btree ("class_session_id","card_number");--> statement-breakpoint
CREATE INDEX "consents_person" ON "consents" USING btree ("persona_id");--> statement-breakpoint
CREATE UNIQUE INDEX "journal_entries_chain" ON "journal_entries" USING btree ("class_session_id","sequence");--> statement-breakpoint
CREATE INDEX "journal_entries_subject" ON "journal_entries" USING btree ("subject");--> statement-breakpoint
CREATE INDEX "platform_faults_agency" ON "platform_faults" USING btree ("class_session_id","agency");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_tokens_hash" ON "platform_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "platform_tokens_generation" ON "platform_tokens" USING btree ("class_session_id","agency","generation");--> statement-breakpoint
CREATE UNIQUE INDEX "address_notices_case_agency" ON "address_notices" USING btree ("case_id","agency");--> statement-breakpoint
CREATE INDEX "address_notices_inbox" ON "address_notices" USING btree ("class_session_id","agency","state");--> statement-breakpoint
CREATE INDEX "case_events_case" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_files_kind" ON "case_files" USING btree ("case_id","kind");--> statement-breakpoint
CREATE INDEX "cases_person" ON "cases" USING btree ("persona_id");--> statement-breakpoint
CREATE INDEX "cases_agency" ON "cases" USING btree ("class_session_id","agency","state");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_receipt" ON "cases" USING btree ("class_session_id","receipt_number");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_one_draft" ON "cases" USING btree ("persona_id","procedure","channel") WHERE state = 'brouillon';--> statement-breakpoint
CREATE UNIQUE INDEX "cases_one_open" ON "cases" USING btree ("persona_id","procedure") WHERE state in ('depose', 'en_instruction', 'complement_demande') and procedure in ('carte-stationnement', 'changement-adresse');--> statement-breakpoint
CREATE INDEX "documents_person" ON "documents" USING btree ("persona_id");--> statement-breakpoint
CREATE UNIQUE INDEX "aidants_session_email" ON "aidants" USING btree ("class_session_id","email");--> statement-breakpoint
CREATE INDEX "mandates_person" ON "mandates" USING btree ("persona_id");--> statement-breakpoint
CREATE INDEX "mandates_aidant" ON "mandates" USING btree ("aidant_id");--> statement-breakpoint
CREATE INDEX "classroom_messages_session" ON "classroom_messages" USING btree ("class_session_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_session_pseudonym" ON "participants" USING btree ("class_session_id","pseudonym_key");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_device" ON "participants" USING btree ("class_session_id","device_hash");--> statement-breakpoint
CREATE INDEX "participants_subject" ON "participants" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "action_keys_created" ON "action_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "flash_messages_created_at" ON "flash_messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "flash_messages_owner" ON "flash_messages" USING btree ("owner");