ALTER TABLE `class_sessions` ADD `counter_wait_minutes` integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `entered_by` text;