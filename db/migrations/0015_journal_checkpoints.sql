CREATE TABLE `journal_heads` (
	`class_session_id` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`frontier` text NOT NULL,
	`root_hash` text NOT NULL,
	`checkpoint` text NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- The journal refuses DELETE too: its rows go only with their séance (the cascade runs once the séance is gone).
-- Someone who can write the file can still drop this trigger: what shows it is a checkpoint or receipt held elsewhere.
CREATE TRIGGER `journal_entries_no_delete` BEFORE DELETE ON `journal_entries`
WHEN EXISTS (SELECT 1 FROM `class_sessions` WHERE `id` = OLD.`class_session_id`)
BEGIN
  SELECT RAISE(ABORT, 'journal_entries is append-only');
END;
