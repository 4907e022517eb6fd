DROP INDEX `journal_entries_subject`;--> statement-breakpoint
CREATE INDEX `journal_entries_subject` ON `journal_entries` (`subject`,`class_session_id`,`sequence`);