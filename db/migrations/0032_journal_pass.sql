ALTER TABLE `journal_verifications` ADD `broken` text;--> statement-breakpoint
ALTER TABLE `journal_verifications` ADD `pass_started_at` integer;