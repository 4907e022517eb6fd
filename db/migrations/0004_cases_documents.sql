CREATE TABLE `address_notices` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`class_session_id` text NOT NULL,
	`agency` text NOT NULL,
	`state` text DEFAULT 'a_traiter' NOT NULL,
	`reason` text,
	`decided_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `address_notices_case_agency` ON `address_notices` (`case_id`,`agency`);--> statement-breakpoint
CREATE INDEX `address_notices_inbox` ON `address_notices` (`class_session_id`,`agency`,`state`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`class_session_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` text,
	`actor_label` text NOT NULL,
	`kind` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`text` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_events_case` ON `case_events` (`case_id`,`at`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`procedure` text NOT NULL,
	`agency` text,
	`unit` text,
	`state` text DEFAULT 'brouillon' NOT NULL,
	`answers` text NOT NULL,
	`receipt_number` text,
	`channel` text DEFAULT 'en_ligne' NOT NULL,
	`outcome` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`submitted_at` integer,
	`closed_at` integer,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`persona_id`) REFERENCES `personas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `cases_person` ON `cases` (`persona_id`);--> statement-breakpoint
CREATE INDEX `cases_agency` ON `cases` (`class_session_id`,`agency`,`state`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_receipt` ON `cases` (`class_session_id`,`receipt_number`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`case_id` text,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`issuer` text,
	`issuer_label` text NOT NULL,
	`issued_at` integer NOT NULL,
	`content` text NOT NULL,
	`content_hash` text NOT NULL,
	`jws` text NOT NULL,
	`pdf_base64` text NOT NULL,
	`pdf_hash` text NOT NULL,
	`revoked_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`persona_id`) REFERENCES `personas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `documents_person` ON `documents` (`persona_id`);--> statement-breakpoint
ALTER TABLE `class_sessions` ADD `auto_instruction_delay_seconds` integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE `class_sessions` ADD `bodies_played` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- A case's history is append-only: transitions and messages are never rewritten.
CREATE TRIGGER `case_events_no_update` BEFORE UPDATE ON `case_events`
BEGIN
  SELECT RAISE(ABORT, 'case_events is append-only');
END;
