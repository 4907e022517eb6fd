CREATE TABLE `notification_reads` (
	`viewer` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`last_read_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
