-- A submitted mail's body as UTF-8 bytes instead of text. One script for H2 and PostgreSQL; ${bytes} is BINARY
-- VARYING on H2 and BYTEA on PostgreSQL, and ${body_to_utf8} converts the bodies stored before (H2 casts text
-- to bytes as UTF-8 by itself; PostgreSQL is told how).
--
-- Why, from the H2 2.3 sources and the ingest benchmark's profile: H2 passes every string it is given through
-- its value cache, which hashes each character, and its background writer writes a string one character at a
-- time; bytes are hashed on a sample and copied whole. A 2-20 KB body went through both on every mail taken.
ALTER TABLE mail_payloads ALTER COLUMN body SET DATA TYPE ${bytes} ${body_to_utf8};
