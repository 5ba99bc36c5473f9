-- A version row keeps the whole state after it only for versions 1, 17, 33...: any other version's state is the
-- nearest kept one with the character's few events after it folded over it, as the reads of versions do. The
-- states were most of what a change and a rebuild wrote (2-3 KB a row, and as much again of WAL on a server that
-- logs it). Rows written before keep their states; reads take a stored state wherever there is one.
ALTER TABLE character_version ALTER COLUMN state DROP NOT NULL;
