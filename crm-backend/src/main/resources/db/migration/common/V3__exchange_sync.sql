-- Exchange contact sync: the outbox (one row per contact per target folder), the contents it refers to,
-- and the conflicts found. Versioned 100 and up so the store's own migrations keep the low numbers.
-- JSON is VARCHAR, not a LOB: H2 copies a LOB on every update of its row.

-- Contact contents (the fields as JSON) by their SHA-256: written once, shared by every mailbox, and
-- kept out of the outbox rows so that the rows claimed and updated all the time stay small.
CREATE TABLE exchange_contact_contents (
    hash            VARCHAR(64)   PRIMARY KEY,
    fields          VARCHAR(1000000) NOT NULL
);

-- state: PENDING (to push), SYNCED, FAILED (permanent, with the reason), CONFLICT (left for a person).
-- action: UPSERT or DELETE. version grows with every enqueued change, so a push that finishes after a
-- newer change arrived does not mark that change done. wanted_hash: the contents Exchange should hold
-- ('' for a delete); pushed_hash: what was last pushed successfully ('' when unknown or nothing).
CREATE TABLE exchange_contact_outbox (
    id              UUID PRIMARY KEY,
    server          VARCHAR(64)   NOT NULL,
    mailbox         VARCHAR(320)  NOT NULL,
    folder          VARCHAR(400)  NOT NULL,
    crm_id          VARCHAR(200)  NOT NULL,
    action          VARCHAR(8)    NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    version         BIGINT        NOT NULL,
    wanted_hash     VARCHAR(64)   NOT NULL,
    pushed_hash     VARCHAR(64)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until   TIMESTAMP WITH TIME ZONE,
    last_outcome    VARCHAR(16)   NOT NULL,
    error_code      VARCHAR(32)   NOT NULL,
    error_reason    VARCHAR(2000) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT exchange_contact_outbox_once UNIQUE (server, mailbox, folder, crm_id)
);
CREATE INDEX exchange_contact_outbox_due ON exchange_contact_outbox (server, state, next_attempt_at);
CREATE INDEX exchange_contact_outbox_crm ON exchange_contact_outbox (crm_id);
CREATE INDEX exchange_contact_outbox_wanted ON exchange_contact_outbox (wanted_hash);

-- A contact edited in Outlook since it was last pushed, with both versions: found in Exchange ('' when
-- it was deleted there) and wanted by the CRM ('' for a CRM delete).
-- resolution: OVERWRITTEN (crm-wins) or LEFT (report).
CREATE TABLE exchange_contact_conflicts (
    id              UUID PRIMARY KEY,
    mailbox         VARCHAR(320)  NOT NULL,
    folder          VARCHAR(400)  NOT NULL,
    crm_id          VARCHAR(200)  NOT NULL,
    resolution      VARCHAR(16)   NOT NULL,
    exchange_fields VARCHAR(1000000) NOT NULL,
    crm_fields      VARCHAR(1000000) NOT NULL,
    detected_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX exchange_contact_conflicts_mailbox ON exchange_contact_conflicts (mailbox, detected_at);
