package io.crmbridge.backend.correlation;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code CRM:<GUID>:MRC} tag that names a record in a mail subject. Case-insensitive; the GUID with or
 * without braces; one space allowed after {@code CRM:}; the last valid tag in a subject wins; anything
 * malformed is not a tag. The same rules as the agent's parser (the backend cannot depend on the agent).
 */
public record SubjectTag(UUID recordId, String text) {

    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    // The look-arounds keep "XCRM:...:MRC" and "...:MRCX" from counting as tags.
    private static final Pattern TAG = Pattern.compile(
            "(?<![\\p{Alnum}])CRM: ?(?:\\{(" + GUID + ")\\}|(" + GUID + ")):MRC(?![\\p{Alnum}])",
            Pattern.CASE_INSENSITIVE);

    /** The last valid tag in {@code subject}. */
    public static Optional<SubjectTag> lastIn(String subject) {
        if (subject == null || subject.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = TAG.matcher(subject);
        SubjectTag last = null;
        while (m.find()) {
            String guid = m.group(1) != null ? m.group(1) : m.group(2);
            last = new SubjectTag(UUID.fromString(guid), m.group());
        }
        return Optional.ofNullable(last);
    }

    /** The subject with every valid tag taken out and the spaces around it closed up. */
    public static String strip(String subject) {
        if (subject == null) {
            return "";
        }
        return TAG.matcher(subject).replaceAll(" ").replaceAll("\\s+", " ").trim();
    }

    /** The tag for a record as appended to subjects, the agent's canonical form: {@code CRM:{<lower-case GUID>}:MRC}. */
    public static String format(UUID recordId) {
        return "CRM:{" + recordId.toString().toLowerCase(Locale.ROOT) + "}:MRC";
    }

    /**
     * {@code subject} tagged for {@code recordId}: unchanged when its last valid tag already names the record,
     * else with {@link #format} appended after a space (so the new tag is the one that counts).
     */
    public static String appendTo(String subject, UUID recordId) {
        String s = subject == null ? "" : subject.strip();
        if (lastIn(s).map(t -> t.recordId().equals(recordId)).orElse(false)) {
            return subject;
        }
        return s.isEmpty() ? format(recordId) : s + " " + format(recordId);
    }
}
