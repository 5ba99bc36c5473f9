-- The shared append lock (infra.eventstore.AppendLock, key 0x43484152414354) is taken by the event store
-- itself: a trigger before every insert into domain_event_entry, which runs before the insert draws its
-- global_index, holds it until the transaction ends. A command no longer sends a statement of its own for
-- it, and no writer of events can forget it. The key must stay AppendLock.KEY.
CREATE FUNCTION hold_append_lock() RETURNS void LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock_shared(18938268829696852)
$$;

CREATE FUNCTION hold_append_lock_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM hold_append_lock();
    RETURN NULL;
END
$$;

CREATE TRIGGER domain_event_entry_append_lock BEFORE INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION hold_append_lock_before_insert();
