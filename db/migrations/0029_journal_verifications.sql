CREATE TABLE `journal_verifications` (
	`class_session_id` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`head_hash` text NOT NULL,
	`frontier` text NOT NULL,
	`verified_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
