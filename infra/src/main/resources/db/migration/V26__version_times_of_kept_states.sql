-- "As of" reads find the last version at or before a time. The index on every version's time was one of the five
-- index entries each change wrote (a tenth of its WAL); it now holds only the rows that keep their state (versions
-- 1, 17, 33...), and a read finds the kept versions on either side of the time there, then the version between
-- them through the primary key: sixteen rows at most.
CREATE INDEX character_version_kept_time ON character_version (character_id, occurred_at DESC, version DESC)
    WHERE state IS NOT NULL;
DROP INDEX character_version_time;
