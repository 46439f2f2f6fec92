package io.crmbridge.backend.activity;

/** Whether a mail came in to the organisation (seen in an Inbox) or went out (seen in Sent). */
public enum Direction {
    INBOUND,
    OUTBOUND
}
