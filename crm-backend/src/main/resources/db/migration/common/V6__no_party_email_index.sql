-- activity_parties_email served no query: parties are always read by activity, and the one update by address
-- (a mailbox's own parties) narrows by activity first. Every party row paid for it on insert: one of the five
-- index entries a party row wrote on H2, where recording a mail's parties was a quarter of a worker's time (the
-- ingest benchmark's recording profile).
DROP INDEX activity_parties_email;
