package io.crmbridge.agent.core.soap;

/**
 * What the service says became of a submitted message: its state (QUEUED, RECORDED, UNRESOLVED,
 * FAILED or UNKNOWN), the activity and the record it is regarding, and how it was correlated.
 * Absent values are empty strings.
 */
public final class MailStatus {
    private final String receiptId;
    private final String state;
    private final String activityId;
    private final String regardingType;
    private final String regardingId;
    private final String regardingName;
    private final String correlation;
    private final String evidence;
    private final String reason;
    private final String detail;

    public MailStatus(String receiptId, String state, String activityId, String regardingType, String regardingId,
            String regardingName, String correlation, String evidence, String reason, String detail) {
        this.receiptId = text(receiptId);
        this.state = text(state);
        this.activityId = text(activityId);
        this.regardingType = text(regardingType);
        this.regardingId = text(regardingId);
        this.regardingName = text(regardingName);
        this.correlation = text(correlation);
        this.evidence = text(evidence);
        this.reason = text(reason);
        this.detail = text(detail);
    }

    public String receiptId() {
        return receiptId;
    }

    /** QUEUED, RECORDED, UNRESOLVED, FAILED or UNKNOWN. */
    public String state() {
        return state;
    }

    public String activityId() {
        return activityId;
    }

    /** The regarding record's type (account, contact, lead, opportunity, case), or "". */
    public String regardingType() {
        return regardingType;
    }

    public String regardingId() {
        return regardingId;
    }

    public String regardingName() {
        return regardingName;
    }

    /** TAG, THREAD, ADDRESS or MANUAL, or "". */
    public String correlation() {
        return correlation;
    }

    /** What the correlation rested on: the tag, the Message-ID replied to, the address. */
    public String evidence() {
        return evidence;
    }

    /** Why a message is UNRESOLVED or FAILED, e.g. NO_TAG or UNKNOWN_RECORD. */
    public String reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("MailStatus[").append(receiptId).append(' ').append(state);
        if (!regardingId.isEmpty()) {
            b.append(" regarding ").append(regardingType).append(' ').append(regardingId);
        }
        if (!correlation.isEmpty()) {
            b.append(" by ").append(correlation);
        }
        if (!reason.isEmpty()) {
            b.append(" reason ").append(reason);
        }
        return b.append(']').toString();
    }
}
