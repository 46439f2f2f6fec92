package io.crmbridge.agent.core.tag;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subject tag {@code CRM:<GUID>:MRC} that names the CRM record a mail belongs to.
 *
 * <p>Reading is tolerant: case-insensitive, the GUID with or without braces, one optional space
 * after {@code CRM:}; the last valid tag in a subject wins and a malformed tag is no tag. A tag must
 * stand on its own: a letter or digit right before {@code CRM} or right after {@code MRC} makes it
 * part of another word, so it is not a tag.
 *
 * <p>Writing uses one canonical form, {@code CRM:{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}:MRC} with the
 * GUID in lower case inside braces, appended at the end of the subject after one space, never twice.
 */
public final class SubjectTag {
    private static final String HEX = "[0-9A-Fa-f]";
    private static final String GUID = HEX + "{8}-" + HEX + "{4}-" + HEX + "{4}-" + HEX + "{4}-" + HEX + "{12}";
    private static final Pattern TAG = Pattern.compile(
            "(?<![A-Za-z0-9])[Cc][Rr][Mm]: ?(?:\\{(" + GUID + ")\\}|(" + GUID + ")):[Mm][Rr][Cc](?![A-Za-z0-9])");
    private static final Pattern BARE_GUID = Pattern.compile("\\{?(" + GUID + ")\\}?");

    private final UUID guid;

    private SubjectTag(UUID guid) {
        this.guid = guid;
    }

    /** The tag for a record's GUID. */
    public static SubjectTag of(UUID guid) {
        if (guid == null) {
            throw new IllegalArgumentException("a subject tag needs a GUID");
        }
        return new SubjectTag(guid);
    }

    /**
     * The tag for a GUID given as text, with or without braces.
     *
     * @throws IllegalArgumentException when the text is not a GUID
     */
    public static SubjectTag of(String guid) {
        Matcher m = BARE_GUID.matcher(guid == null ? "" : guid.trim());
        if (!m.matches() || guid.trim().startsWith("{") != guid.trim().endsWith("}")) {
            throw new IllegalArgumentException("not a GUID: " + guid);
        }
        return new SubjectTag(UUID.fromString(m.group(1)));
    }

    /** The effective tag of a subject: the last valid one, or empty when it carries none. */
    public static Optional<SubjectTag> find(String subject) {
        if (subject == null || subject.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = TAG.matcher(subject);
        String last = null;
        while (m.find()) {
            last = m.group(1) != null ? m.group(1) : m.group(2);
        }
        return last == null ? Optional.<SubjectTag>empty() : Optional.of(new SubjectTag(UUID.fromString(last)));
    }

    /**
     * The subject with this record's tag appended after one space, or the subject unchanged when its
     * effective tag is already this one. A null or blank subject becomes the tag alone.
     */
    public static String append(String subject, UUID guid) {
        return of(guid).appendTo(subject);
    }

    /** See {@link #append(String, UUID)}. */
    public String appendTo(String subject) {
        String s = subject == null ? "" : subject;
        Optional<SubjectTag> current = find(s);
        if (current.isPresent() && current.get().equals(this)) {
            return s;
        }
        String head = stripTrailing(s);
        return head.isEmpty() ? text() : head + " " + text();
    }

    /** The record's GUID. */
    public UUID guid() {
        return guid;
    }

    /** The canonical written form, e.g. {@code CRM:{0f8fad5b-d9cb-469f-a165-70867728950e}:MRC}. */
    public String text() {
        return "CRM:{" + guid.toString().toLowerCase(Locale.ROOT) + "}:MRC";
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubjectTag && ((SubjectTag) o).guid.equals(guid);
    }

    @Override
    public int hashCode() {
        return guid.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
