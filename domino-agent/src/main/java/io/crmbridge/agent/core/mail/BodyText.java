package io.crmbridge.agent.core.mail;

/** A plain-text body cut to a limit, and whether it was cut. */
public final class BodyText {
    private final String text;
    private final boolean truncated;

    private BodyText(String text, boolean truncated) {
        this.text = text;
        this.truncated = truncated;
    }

    /** The text, cut to at most {@code limit} characters (never inside a surrogate pair). */
    public static BodyText of(String text, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("body limit must not be negative: " + limit);
        }
        String s = text == null ? "" : text;
        if (s.length() <= limit) {
            return new BodyText(s, false);
        }
        int end = limit;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return new BodyText(s.substring(0, end), true);
    }

    public static BodyText empty() {
        return new BodyText("", false);
    }

    public String text() {
        return text;
    }

    public boolean truncated() {
        return truncated;
    }

    @Override
    public String toString() {
        return "BodyText[" + text.length() + " chars" + (truncated ? ", truncated" : "") + "]";
    }
}
