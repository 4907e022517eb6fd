ALTER TABLE `class_sessions` ADD `simulate_network` integer DEFAULT true NOT NULL;--> statement-breakpoint
-- The demonstration séance is a sandbox for trying things out: no simulated bad network there unless the teacher asks.
UPDATE `class_sessions` SET `simulate_network` = 0 WHERE `is_demo` = 1;
