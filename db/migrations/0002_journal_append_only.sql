-- The journal is append-only: no row may be changed once written (deleting a séance still removes its rows).
CREATE TRIGGER `journal_entries_no_update` BEFORE UPDATE ON `journal_entries`
BEGIN
  SELECT RAISE(ABORT, 'journal_entries is append-only');
END;
