CREATE TABLE `journal_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`sequence` integer NOT NULL,
	`recorded_at` text NOT NULL,
	`consumer` text NOT NULL,
	`provider` text NOT NULL,
	`items` text NOT NULL,
	`purpose` text NOT NULL,
	`legal_basis` text,
	`result` text NOT NULL,
	`reason` text,
	`subject` text,
	`case_id` text,
	`hash` text NOT NULL,
	`previous_hash` text NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `journal_entries_chain` ON `journal_entries` (`class_session_id`,`sequence`);--> statement-breakpoint
CREATE INDEX `journal_entries_subject` ON `journal_entries` (`subject`);