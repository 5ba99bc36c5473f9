-- Every statement that inserts events first takes the append lock's shared hold (AppendLock.KEY), which lasts until
-- its transaction ends: before the statement draws a global_index, so a backup that holds the lock exclusively sees
-- every drawn index committed or rolled back, whoever inserted it. A batch of changes no longer sends a statement of
-- its own for the lock (a round trip of each batch's transaction, BENCHMARKS.md lever 46); taking a shared hold
-- the transaction already has costs PostgreSQL a lookup in its own lock table.
CREATE FUNCTION take_append_lock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(18938268829696852);
    RETURN NULL;
END $$;

CREATE TRIGGER append_lock BEFORE INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION take_append_lock();
