-- activity_parties_email served no query: parties are always read by activity, and the one update by address
-- (a mailbox's own parties) narrows by activity first. Every party row paid for it on insert, about a fifth of
-- the cost of recording a mail's parties on H2 (the ingest benchmark's recording profile).
DROP INDEX activity_parties_email;
