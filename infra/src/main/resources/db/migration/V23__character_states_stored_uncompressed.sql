-- A state over about 2 KB (a character with many items and skills) was compressed before it was stored:
-- pglz, slow to write, took a fifth of what a version row cost PostgreSQL. Rows now stay as written, inline,
-- up to a page: more disk, no compression when writing, nothing to decompress when reading.
ALTER TABLE character_version SET (toast_tuple_target = 8160);
ALTER TABLE character_summary SET (toast_tuple_target = 8160);
