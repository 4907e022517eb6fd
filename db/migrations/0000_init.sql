CREATE TABLE `agencies` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`mission` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `communes` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`postal_code` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `streets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commune_code` text NOT NULL,
	`name` text NOT NULL,
	`first_number` integer NOT NULL,
	`last_number` integer NOT NULL,
	`parking_zone` text,
	FOREIGN KEY (`commune_code`) REFERENCES `communes`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `teachers` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teachers_email_unique` ON `teachers` (`email`);--> statement-breakpoint
CREATE TABLE `class_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`join_code` text NOT NULL,
	`teacher_id` text,
	`preset` text DEFAULT 'tout' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	FOREIGN KEY (`teacher_id`) REFERENCES `teachers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `class_sessions_join_code_unique` ON `class_sessions` (`join_code`);--> statement-breakpoint
CREATE TABLE `personas` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`key` text NOT NULL,
	`given_names` text NOT NULL,
	`family_name` text NOT NULL,
	`preferred_name` text,
	`gender` text NOT NULL,
	`birthdate` text NOT NULL,
	`birthplace_code` text,
	`birthplace_name` text NOT NULL,
	`birthcountry_code` text NOT NULL,
	`birthcountry_name` text NOT NULL,
	`email` text NOT NULL,
	`phone` text NOT NULL,
	`address_line` text NOT NULL,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`occupation` text NOT NULL,
	`digital_profile` text NOT NULL,
	`scenario_title` text NOT NULL,
	`situation` text NOT NULL,
	`goal` text NOT NULL,
	`constraints` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `personas_session_key` ON `personas` (`class_session_id`,`key`);--> statement-breakpoint
CREATE TABLE `agents` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`agency_id` text NOT NULL,
	`unit` text,
	`given_name` text NOT NULL,
	`family_name` text NOT NULL,
	`email` text NOT NULL,
	`job_title` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agents_session_email` ON `agents` (`class_session_id`,`email`);--> statement-breakpoint
CREATE TABLE `idp_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`subject` text NOT NULL,
	`auth_time` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`ended_at` integer
);
--> statement-breakpoint
CREATE TABLE `oidc_access_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`client_id` text NOT NULL,
	`subject` text NOT NULL,
	`scope` text NOT NULL,
	`code_hash` text NOT NULL,
	`session_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`client_id`) REFERENCES `oidc_clients`(`client_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `oidc_access_tokens_code` ON `oidc_access_tokens` (`code_hash`);--> statement-breakpoint
CREATE TABLE `oidc_clients` (
	`client_id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`name` text NOT NULL,
	`secret_hash` text NOT NULL,
	`redirect_uris` text NOT NULL,
	`post_logout_redirect_uris` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `oidc_codes` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`client_id` text NOT NULL,
	`subject` text NOT NULL,
	`redirect_uri` text NOT NULL,
	`scope` text NOT NULL,
	`nonce` text NOT NULL,
	`code_challenge` text NOT NULL,
	`acr` text,
	`session_id` text NOT NULL,
	`auth_time` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`consumed_at` integer,
	FOREIGN KEY (`client_id`) REFERENCES `oidc_clients`(`client_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `oidc_interactions` (
	`id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`client_id` text NOT NULL,
	`redirect_uri` text NOT NULL,
	`scope` text NOT NULL,
	`state` text NOT NULL,
	`nonce` text NOT NULL,
	`code_challenge` text NOT NULL,
	`acr` text,
	`login_hint` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`client_id`) REFERENCES `oidc_clients`(`client_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `dgfip_taxpayers` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`tax_number` text NOT NULL,
	`address_line` text NOT NULL,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`residence_type` text NOT NULL,
	`household_parts` real NOT NULL,
	`reference_income` integer NOT NULL,
	`last_return_year` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`persona_id`) REFERENCES `personas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dgfip_taxpayers_person` ON `dgfip_taxpayers` (`class_session_id`,`persona_id`);--> statement-breakpoint
CREATE TABLE `siv_vehicles` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`registration` text NOT NULL,
	`holder_kind` text NOT NULL,
	`holder_name` text NOT NULL,
	`make` text NOT NULL,
	`model` text NOT NULL,
	`first_registered_on` text NOT NULL,
	`address_line` text NOT NULL,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`persona_id`) REFERENCES `personas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `siv_vehicles_registration` ON `siv_vehicles` (`class_session_id`,`registration`);--> statement-breakpoint
CREATE TABLE `caf_beneficiaries` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`beneficiary_number` text NOT NULL,
	`address_line` text NOT NULL,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`family_situation` text NOT NULL,
	`benefits` text NOT NULL,
	`monthly_amount` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`persona_id`) REFERENCES `personas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `caf_beneficiaries_person` ON `caf_beneficiaries` (`class_session_id`,`persona_id`);--> statement-breakpoint
CREATE TABLE `cpam_insured` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`social_security_number` text NOT NULL,
	`address_line` text NOT NULL,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`doctor_name` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`persona_id`) REFERENCES `personas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cpam_insured_person` ON `cpam_insured` (`class_session_id`,`persona_id`);--> statement-breakpoint
CREATE TABLE `france_travail_jobseekers` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`jobseeker_id` text NOT NULL,
	`registered_on` text NOT NULL,
	`category` text NOT NULL,
	`address_line` text NOT NULL,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`adviser_name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`persona_id`) REFERENCES `personas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `france_travail_jobseekers_person` ON `france_travail_jobseekers` (`class_session_id`,`persona_id`);--> statement-breakpoint
CREATE TABLE `retraite_pensioners` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`pension_number` text NOT NULL,
	`pension_kind` text NOT NULL,
	`monthly_amount` integer NOT NULL,
	`started_on` text NOT NULL,
	`address_line` text NOT NULL,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`persona_id`) REFERENCES `personas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `retraite_pensioners_person` ON `retraite_pensioners` (`class_session_id`,`persona_id`);--> statement-breakpoint
CREATE TABLE `la_poste_customers` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`customer_number` text NOT NULL,
	`address_line` text NOT NULL,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`has_mail_forwarding` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`persona_id`) REFERENCES `personas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `la_poste_customers_person` ON `la_poste_customers` (`class_session_id`,`persona_id`);--> statement-breakpoint
CREATE TABLE `etat_civil_birth_records` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`persona_id` text,
	`registry` text NOT NULL,
	`act_number` integer NOT NULL,
	`year` integer NOT NULL,
	`family_name` text NOT NULL,
	`given_names` text NOT NULL,
	`sex` text NOT NULL,
	`birth_date` text NOT NULL,
	`birth_time` text NOT NULL,
	`birth_place` text NOT NULL,
	`father_name` text,
	`mother_name` text,
	`marginal_notes` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`persona_id`) REFERENCES `personas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `birth_records_act` ON `etat_civil_birth_records` (`class_session_id`,`registry`,`year`,`act_number`);--> statement-breakpoint
CREATE TABLE `ville_parking_cards` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`card_number` text NOT NULL,
	`registration` text NOT NULL,
	`zone` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`persona_id`) REFERENCES `personas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ville_parking_cards_number` ON `ville_parking_cards` (`class_session_id`,`card_number`);