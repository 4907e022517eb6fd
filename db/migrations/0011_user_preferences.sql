CREATE TABLE `user_preferences` (
	`subject` text PRIMARY KEY NOT NULL,
	`class_session_id` text,
	`values` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
