CREATE TABLE `classroom_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`participant_id` text,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `classroom_messages_session` ON `classroom_messages` (`class_session_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `participants` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`pseudonym` text NOT NULL,
	`pseudonym_key` text NOT NULL,
	`role` text NOT NULL,
	`subject_id` text,
	`device_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participants_session_pseudonym` ON `participants` (`class_session_id`,`pseudonym_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `participants_device` ON `participants` (`class_session_id`,`device_hash`);--> statement-breakpoint
CREATE INDEX `participants_subject` ON `participants` (`subject_id`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`hits` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `class_sessions` ADD `expected_students` integer DEFAULT 30 NOT NULL;