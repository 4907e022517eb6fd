CREATE TABLE `opinions` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`case_id` text NOT NULL,
	`procedure` text NOT NULL,
	`satisfaction` text,
	`ease` text,
	`help` text NOT NULL,
	`comment` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `opinions_case` ON `opinions` (`case_id`);--> statement-breakpoint
CREATE INDEX `opinions_session` ON `opinions` (`class_session_id`,`procedure`);