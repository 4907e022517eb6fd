CREATE TABLE `aidants` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`given_name` text NOT NULL,
	`family_name` text NOT NULL,
	`email` text NOT NULL,
	`structure` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `aidants_session_email` ON `aidants` (`class_session_id`,`email`);--> statement-breakpoint
CREATE TABLE `mandates` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`aidant_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`procedures` text NOT NULL,
	`created_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`confirmed_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`aidant_id`) REFERENCES `aidants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`persona_id`) REFERENCES `personas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mandates_person` ON `mandates` (`persona_id`);--> statement-breakpoint
CREATE INDEX `mandates_aidant` ON `mandates` (`aidant_id`);--> statement-breakpoint
ALTER TABLE `cases` ADD `mandate_id` text;