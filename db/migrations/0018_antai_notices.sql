CREATE TABLE `antai_notices` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`number` text NOT NULL,
	`offence_key` text NOT NULL,
	`kind` text NOT NULL,
	`fine_class` integer NOT NULL,
	`offence` text NOT NULL,
	`place` text NOT NULL,
	`offence_at` integer NOT NULL,
	`registration` text NOT NULL,
	`holder_name` text NOT NULL,
	`holder_kind` text NOT NULL,
	`address_line` text NOT NULL,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`delivered_at` integer,
	`state` text DEFAULT 'a_payer' NOT NULL,
	`paid_at` integer,
	`paid_cents` integer,
	`journal_entry_id` text,
	`designated_from` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`persona_id`) REFERENCES `personas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `antai_notices_number` ON `antai_notices` (`class_session_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `antai_notices_offence` ON `antai_notices` (`class_session_id`,`offence_key`) WHERE designated_from is null;