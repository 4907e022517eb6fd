CREATE TABLE `action_keys` (
	`key` text PRIMARY KEY NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`class_session_id` text,
	`result` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_session_id`) REFERENCES `class_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `action_keys_created` ON `action_keys` (`created_at`);--> statement-breakpoint
ALTER TABLE `class_sessions` ADD `patience_minutes` integer DEFAULT 5 NOT NULL;--> statement-breakpoint
-- Databases from before this migration may hold the duplicates a double-click made: the newest draft and the first
-- open request stay, the others are closed (classée sans suite) so that the unique indexes can be built.
UPDATE `cases` SET `state` = 'sans_suite', `closed_at` = `updated_at` WHERE `state` = 'brouillon' AND EXISTS (SELECT 1 FROM `cases` AS `o` WHERE `o`.`state` = 'brouillon' AND `o`.`persona_id` = `cases`.`persona_id` AND `o`.`procedure` = `cases`.`procedure` AND `o`.`channel` = `cases`.`channel` AND (`o`.`updated_at` > `cases`.`updated_at` OR (`o`.`updated_at` = `cases`.`updated_at` AND `o`.`id` > `cases`.`id`)));--> statement-breakpoint
UPDATE `cases` SET `state` = 'sans_suite', `closed_at` = `updated_at` WHERE `state` IN ('depose', 'en_instruction', 'complement_demande') AND `procedure` IN ('carte-stationnement', 'changement-adresse') AND EXISTS (SELECT 1 FROM `cases` AS `o` WHERE `o`.`state` IN ('depose', 'en_instruction', 'complement_demande') AND `o`.`persona_id` = `cases`.`persona_id` AND `o`.`procedure` = `cases`.`procedure` AND (`o`.`submitted_at` < `cases`.`submitted_at` OR (`o`.`submitted_at` = `cases`.`submitted_at` AND `o`.`id` < `cases`.`id`)));--> statement-breakpoint
CREATE UNIQUE INDEX `cases_one_draft` ON `cases` (`persona_id`,`procedure`,`channel`) WHERE state = 'brouillon';--> statement-breakpoint
CREATE UNIQUE INDEX `cases_one_open` ON `cases` (`persona_id`,`procedure`) WHERE state in ('depose', 'en_instruction', 'complement_demande') and procedure in ('carte-stationnement', 'changement-adresse');