CREATE TABLE `idea_votes` (
	`id` text PRIMARY KEY NOT NULL,
	`idea_id` text NOT NULL,
	`class_session_id` text NOT NULL,
	`voter_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idea_votes_one` ON `idea_votes` (`idea_id`,`voter_id`);--> statement-breakpoint
CREATE TABLE `ideas` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`procedure` text NOT NULL,
	`author_kind` text NOT NULL,
	`author_id` text NOT NULL,
	`text` text NOT NULL,
	`retained_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ideas_session` ON `ideas` (`class_session_id`,`created_at`);