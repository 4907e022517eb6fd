-- Append-only tables, as in SQLite's migrations 0002, 0003, 0004 and 0015: no row may be changed once written, and the
-- journal's rows go only with their séance (the cascade runs after the séance's row is gone, so it passes).
CREATE FUNCTION eguichet_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER journal_entries_no_update BEFORE UPDATE ON journal_entries FOR EACH ROW EXECUTE FUNCTION eguichet_append_only();
--> statement-breakpoint
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents FOR EACH ROW EXECUTE FUNCTION eguichet_append_only();
--> statement-breakpoint
CREATE TRIGGER consent_withdrawals_no_update BEFORE UPDATE ON consent_withdrawals FOR EACH ROW EXECUTE FUNCTION eguichet_append_only();
--> statement-breakpoint
CREATE TRIGGER exchange_traces_no_update BEFORE UPDATE ON exchange_traces FOR EACH ROW EXECUTE FUNCTION eguichet_append_only();
--> statement-breakpoint
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events FOR EACH ROW EXECUTE FUNCTION eguichet_append_only();
--> statement-breakpoint
CREATE FUNCTION eguichet_journal_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM class_sessions WHERE id = OLD.class_session_id) THEN
    RAISE EXCEPTION 'journal_entries is append-only' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER journal_entries_no_delete BEFORE DELETE ON journal_entries FOR EACH ROW EXECUTE FUNCTION eguichet_journal_no_delete();
