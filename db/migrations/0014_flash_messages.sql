CREATE TABLE `flash_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`owner` text,
	`text` text NOT NULL,
	`tone` text NOT NULL,
	`emphasis` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `flash_messages_created_at` ON `flash_messages` (`created_at`);--> statement-breakpoint
CREATE INDEX `flash_messages_owner` ON `flash_messages` (`owner`);