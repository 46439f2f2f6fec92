-- A record's owner: the alias of the owner's Exchange mailbox, exactly as exchange.contacts.mailboxes names
-- it (compared without regard to case), '' when the record has none. With exchange.contacts.targets=owner a
-- contact goes to its owner's mailbox only. An alias, not a reference to system_users: those are the Domino
-- mailboxes that submitted mail (Internet addresses, created by intake), while the contact sync is
-- configured with Exchange aliases, and an owner may be set before that person's mail was ever seen.
-- One script for H2 and PostgreSQL.
ALTER TABLE records ADD COLUMN owner_mailbox VARCHAR(320) DEFAULT '' NOT NULL;
