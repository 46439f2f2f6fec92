-- Large text out of the LOB store and out of rows that change. One script for H2 and PostgreSQL; ${text} is
-- CHARACTER VARYING (unbounded) on H2 and TEXT on PostgreSQL.
--
-- Why, measured on H2 2.3 (see the ingest benchmark): a CLOB is written through H2's LOB store (a map of
-- blocks, a reference map and a cleaner thread) and read back through a Reader, which cost more than the rest
-- of taking a mail; and since H2 copies a whole page whenever a row on it changes, a 2-20 KB payload inside
-- mail_submissions was copied again each time a worker set its row's state. The payload now lives in a table
-- of its own, written once and read once, its body beside the JSON rather than escaped inside it; the state
-- changes touch small rows only. On PostgreSQL (TOAST
-- already keeps large values apart) this costs one small join.
CREATE TABLE mail_payloads (
    submission_id UUID PRIMARY KEY REFERENCES mail_submissions (id) ON DELETE CASCADE,
    payload       ${text} NOT NULL,
    body          ${text} NOT NULL
);
-- payloads written before keep the body inside the JSON, with '' beside it (MailJson.read takes either)
INSERT INTO mail_payloads (submission_id, payload, body) SELECT id, payload, '' FROM mail_submissions;
ALTER TABLE mail_submissions DROP COLUMN payload;

ALTER TABLE email_activities ALTER COLUMN body SET DATA TYPE ${text};
ALTER TABLE email_activities ALTER COLUMN reference_ids SET DATA TYPE ${text};
