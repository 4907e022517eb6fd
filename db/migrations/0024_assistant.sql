CREATE TABLE `assistant_conversations` (
	`id` text PRIMARY KEY NOT NULL,
	`class_session_id` text NOT NULL,
	`persona_id` text,
	`aidant_id` text,
	`agency` text,
	`procedure` text,
	`handed_off_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`persona_id`) REFERENCES `personas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`aidant_id`) REFERENCES `aidants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `assistant_conversations_persona` ON `assistant_conversations` (`persona_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `assistant_conversations_aidant` ON `assistant_conversations` (`aidant_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `assistant_conversations_agency` ON `assistant_conversations` (`class_session_id`,`agency`,`updated_at`);--> statement-breakpoint
CREATE TABLE `assistant_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`conversation_id` text NOT NULL,
	`class_session_id` text NOT NULL,
	`author` text NOT NULL,
	`text` text NOT NULL,
	`passage_id` text,
	`agent_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`conversation_id`) REFERENCES `assistant_conversations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `assistant_messages_conversation` ON `assistant_messages` (`conversation_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `assistant_messages_session` ON `assistant_messages` (`class_session_id`,`created_at`);