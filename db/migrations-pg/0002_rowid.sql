-- SQLite numbers every row of case_events by itself (rowid), and a case's history is read in that order when two events
-- share their millisecond (a decision and its note, written together). PostgreSQL has no such number: this one is it,
-- by the same name, so that the same query orders the same way on both engines. Not in the drizzle tables: inserts
-- leave it to PostgreSQL.
ALTER TABLE case_events ADD COLUMN rowid bigint GENERATED ALWAYS AS IDENTITY;
