-- Messages get their place in the conversation (the order they are shown in); existing ones are numbered by time.
CREATE TABLE `__new_assistant_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`conversation_id` text NOT NULL,
	`class_session_id` text NOT NULL,
	`author` text NOT NULL,
	`text` text NOT NULL,
	`passage_id` text,
	`agent_id` text,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `assistant_conversations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_assistant_messages` (`id`, `conversation_id`, `class_session_id`, `author`, `text`, `passage_id`, `agent_id`, `position`, `created_at`)
SELECT `id`, `conversation_id`, `class_session_id`, `author`, `text`, `passage_id`, `agent_id`,
	ROW_NUMBER() OVER (PARTITION BY `conversation_id` ORDER BY `created_at`, `id`), `created_at`
FROM `assistant_messages`;--> statement-breakpoint
DROP TABLE `assistant_messages`;--> statement-breakpoint
ALTER TABLE `__new_assistant_messages` RENAME TO `assistant_messages`;--> statement-breakpoint
CREATE UNIQUE INDEX `assistant_messages_position` ON `assistant_messages` (`conversation_id`,`position`);--> statement-breakpoint
CREATE INDEX `assistant_messages_session` ON `assistant_messages` (`class_session_id`,`created_at`);
