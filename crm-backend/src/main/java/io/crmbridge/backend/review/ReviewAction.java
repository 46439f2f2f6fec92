package io.crmbridge.backend.review;

/** What a person decided about an activity in the review queue. */
public enum ReviewAction {
    /** Linked it to an existing record. */
    LINK,
    /** Created a contact or lead from its external party and linked it to that. */
    CREATE_AND_LINK,
    /** Took it out of the queue without linking it. */
    IGNORE
}
