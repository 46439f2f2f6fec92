package io.crmbridge.backend.activity;

/** How an activity was linked to its regarding record. */
public enum CorrelationMethod {
    /** A {@code CRM:<GUID>:MRC} tag in the subject named the record. */
    TAG,
    /** {@code In-Reply-To} or {@code References} named an activity already linked. */
    THREAD,
    /** The external party's address matched exactly one record. */
    ADDRESS,
    /** A person linked it from the review queue. */
    MANUAL
}
