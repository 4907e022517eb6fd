CREATE TABLE `journal_tallies` (
	`class_session_id` text PRIMARY KEY NOT NULL,
	`up_to` integer NOT NULL,
	`counts` text NOT NULL,
	`counted_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
