-- What a teacher's live view shows changed: a notification on the channel "eguichet_live" with the séance's id, sent
-- when the transaction commits (PostgreSQL sends one per transaction and séance). Every app server listens and reads
-- again at once (lib/live-wake.ts) instead of at its next beat; SQLite's servers keep reading on their beat.
CREATE FUNCTION eguichet_live_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('eguichet_live', NEW.class_session_id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER cases_live AFTER INSERT OR UPDATE OF state ON cases FOR EACH ROW EXECUTE FUNCTION eguichet_live_notify();
--> statement-breakpoint
CREATE TRIGGER case_events_live AFTER INSERT ON case_events FOR EACH ROW EXECUTE FUNCTION eguichet_live_notify();
--> statement-breakpoint
CREATE TRIGGER journal_entries_live AFTER INSERT ON journal_entries FOR EACH ROW EXECUTE FUNCTION eguichet_live_notify();
--> statement-breakpoint
CREATE TRIGGER classroom_messages_live AFTER INSERT ON classroom_messages FOR EACH ROW EXECUTE FUNCTION eguichet_live_notify();
--> statement-breakpoint
-- A student's arrival and a change of role; not the "last seen" each of their requests writes.
CREATE TRIGGER participants_live AFTER INSERT OR UPDATE OF role, subject_id ON participants FOR EACH ROW EXECUTE FUNCTION eguichet_live_notify();
