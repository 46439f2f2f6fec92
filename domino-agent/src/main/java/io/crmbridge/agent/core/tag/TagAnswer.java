package io.crmbridge.agent.core.tag;

import java.util.Optional;

/**
 * What the service answered to {@code TagOutgoing}: the tag to append ("" when the mail belongs to no
 * record), the subject as the service would tag it, and why (the regarding record, the correlation
 * method TAG/THREAD/ADDRESS/MANUAL and its evidence). Absent values are empty strings.
 */
public final class TagAnswer {
    private final String tag;
    private final String subject;
    private final String regardingType;
    private final String regardingId;
    private final String regardingName;
    private final String correlation;
    private final String evidence;

    public TagAnswer(String tag, String subject, String regardingType, String regardingId, String regardingName,
            String correlation, String evidence) {
        this.tag = text(tag);
        this.subject = subject == null ? "" : subject;
        this.regardingType = text(regardingType);
        this.regardingId = text(regardingId);
        this.regardingName = text(regardingName);
        this.correlation = text(correlation);
        this.evidence = text(evidence);
    }

    /** An answer carrying no tag for this subject. */
    public static TagAnswer none(String subject) {
        return new TagAnswer("", subject, "", "", "", "", "");
    }

    /** The tag as the service wrote it, e.g. {@code CRM:{guid}:MRC}, or "". */
    public String tag() {
        return tag;
    }

    /** The tag when the service answered one that reads as a valid tag; empty otherwise. */
    public Optional<SubjectTag> subjectTag() {
        return SubjectTag.find(tag);
    }

    /** The subject with the tag appended once, or unchanged, as the service answered it. */
    public String subject() {
        return subject;
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

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    @Override
    public String toString() {
        if (tag.isEmpty()) {
            return "TagAnswer[no tag]";
        }
        return "TagAnswer[" + tag + (regardingId.isEmpty() ? "" : " regarding " + regardingType + " " + regardingId)
                + (correlation.isEmpty() ? "" : " by " + correlation) + "]";
    }
}
