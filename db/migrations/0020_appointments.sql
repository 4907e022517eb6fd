CREATE TABLE `appointments` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`case_id` text NOT NULL,
	`place` text NOT NULL,
	`day` integer NOT NULL,
	`slot` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`booked_at` integer NOT NULL,
	`cancelled_at` integer,
	`checked_at` integer,
	`collection_asked_at` integer,
	`collected_at` integer,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_slot` ON `appointments` (`class_session_id`,`place`,`day`,`slot`) WHERE cancelled_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX `appointments_case` ON `appointments` (`case_id`) WHERE cancelled_at is null;