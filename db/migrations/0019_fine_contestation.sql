ALTER TABLE `antai_notices` ADD `contest_case_id` text;--> statement-breakpoint
ALTER TABLE `antai_notices` ADD `reopened_at` integer;