-- A character's state is written whole and read whole, never queried inside. Kept as the text that was
-- written (json), PostgreSQL only checks it, instead of building jsonb's binary form on every write and
-- printing it back on every read: the version rows, most of what a rebuild or a restore writes, go in
-- about a third faster.
ALTER TABLE character_version ALTER COLUMN state TYPE json USING state::json;
ALTER TABLE character_summary ALTER COLUMN state TYPE json USING state::json;
