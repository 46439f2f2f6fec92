package io.crmbridge.agent.core.mail;

/**
 * One party of a message: an RFC 822 address, a display name and, for Notes-originated mail, the
 * Notes canonical name. Absent parts are empty strings; at least the address or the Notes name is set.
 */
public final class MailAddress {
    private final String email;
    private final String displayName;
    private final String notesName;

    private MailAddress(String email, String displayName, String notesName) {
        this.email = text(email);
        this.displayName = text(displayName);
        this.notesName = text(notesName);
        if (this.email.isEmpty() && this.notesName.isEmpty()) {
            throw new IllegalArgumentException("an address needs an email address or a Notes name");
        }
    }

    public static MailAddress of(String email) {
        return new MailAddress(email, "", "");
    }

    public static MailAddress of(String email, String displayName) {
        return new MailAddress(email, displayName, "");
    }

    public static MailAddress of(String email, String displayName, String notesName) {
        return new MailAddress(email, displayName, notesName);
    }

    /** The RFC 822 address (e.g. {@code jane@acme.com}), or "" when only a Notes name is known. */
    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    /** The Notes canonical name (e.g. {@code CN=Jane Doe/O=Acme}), or "". */
    public String notesName() {
        return notesName;
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MailAddress)) {
            return false;
        }
        MailAddress other = (MailAddress) o;
        return email.equals(other.email) && displayName.equals(other.displayName) && notesName.equals(other.notesName);
    }

    @Override
    public int hashCode() {
        return (email.hashCode() * 31 + displayName.hashCode()) * 31 + notesName.hashCode();
    }

    @Override
    public String toString() {
        String shown = email.isEmpty() ? notesName : email;
        return displayName.isEmpty() ? shown : "\"" + displayName + "\" <" + shown + ">";
    }
}
