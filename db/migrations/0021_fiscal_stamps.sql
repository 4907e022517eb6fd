CREATE TABLE `fiscal_stamps` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`persona_id` text NOT NULL,
	`number` text NOT NULL,
	`kind` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`card_last4` text NOT NULL,
	`bought_at` integer NOT NULL,
	`used_by_case_id` text,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`persona_id`) REFERENCES `personas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`used_by_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fiscal_stamps_number` ON `fiscal_stamps` (`class_session_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `fiscal_stamps_case` ON `fiscal_stamps` (`used_by_case_id`) WHERE used_by_case_id is not null;