-- Messages get their place in the conversation (the order they are shown in); existing ones are numbered by time.
DROP INDEX "assistant_messages_conversation";--> statement-breakpoint
ALTER TABLE "assistant_messages" ADD COLUMN "position" bigint;--> statement-breakpoint
UPDATE "assistant_messages" AS m SET "position" = numbered.n
FROM (SELECT "id", ROW_NUMBER() OVER (PARTITION BY "conversation_id" ORDER BY "created_at", "id") AS n FROM "assistant_messages") AS numbered
WHERE m."id" = numbered."id";--> statement-breakpoint
ALTER TABLE "assistant_messages" ALTER COLUMN "position" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "assistant_messages_position" ON "assistant_messages" USING btree ("conversation_id","position");
