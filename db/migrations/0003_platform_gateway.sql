CREATE TABLE `consent_withdrawals` (
	`consent_id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`withdrawn_at` integer NOT NULL,
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`consumer` text NOT NULL,
	`provider` text NOT NULL,
	`items` text NOT NULL,
	`purpose` text NOT NULL,
	`granted_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`shown_text` text NOT NULL,
	`text_version` text NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`persona_id`) REFERENCES `personas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `consents_person` ON `consents` (`persona_id`);--> statement-breakpoint
CREATE TABLE `exchange_traces` (
	`journal_entry_id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`request` text NOT NULL,
	`response` text NOT NULL,
	`duration_ms` integer NOT NULL,
	FOREIGN KEY (`journal_entry_id`) REFERENCES `journal_entries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `platform_faults` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`agency` text NOT NULL,
	`kind` text NOT NULL,
	`latency_ms` integer DEFAULT 0 NOT NULL,
	`failure_rate` real DEFAULT 0 NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `platform_faults_agency` ON `platform_faults` (`class_session_id`,`agency`);--> statement-breakpoint
CREATE TABLE `platform_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`agency` text NOT NULL,
	`generation` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `platform_tokens_hash` ON `platform_tokens` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `platform_tokens_generation` ON `platform_tokens` (`class_session_id`,`agency`,`generation`);--> statement-breakpoint
-- Consents and their withdrawals are append-only records (docs/ARCHITECTURE.md, rule 8).
CREATE TRIGGER `consents_no_update` BEFORE UPDATE ON `consents`
BEGIN
  SELECT RAISE(ABORT, 'consents is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `consent_withdrawals_no_update` BEFORE UPDATE ON `consent_withdrawals`
BEGIN
  SELECT RAISE(ABORT, 'consent_withdrawals is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `exchange_traces_no_update` BEFORE UPDATE ON `exchange_traces`
BEGIN
  SELECT RAISE(ABORT, 'exchange_traces is append-only');
END;
