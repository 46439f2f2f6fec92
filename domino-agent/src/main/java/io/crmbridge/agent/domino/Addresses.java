package io.crmbridge.agent.domino;

import io.crmbridge.agent.core.mail.EncodedWords;
import io.crmbridge.agent.core.mail.MailAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parties of a memo from Domino's paired items: a Notes-side value ({@code SendTo},
 * {@code From}: a canonical name like {@code CN=Jane Doe/O=Acme}, an abbreviated or flat name, or an
 * internet address) and its {@code INet*} counterpart (an RFC 822 address, or "." when there is none).
 */
final class Addresses {
    private static final Pattern ANGLE = Pattern.compile("^(.*?)<\\s*([^<>\\s]+@[^<>\\s]+)\\s*>\\s*$", Pattern.DOTALL);
    private static final Pattern BARE = Pattern.compile("^[^\\s<>@/\",;]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z][A-Za-z0-9-]*$");
    private static final Pattern CN = Pattern.compile("^CN=([^/]*)", Pattern.CASE_INSENSITIVE);

    private Addresses() {
    }

    /** One party, or null when both values are empty. */
    static MailAddress of(String notesValue, String inetValue) {
        String notes = clean(notesValue);
        String inet = clean(inetValue);
        String[] internet = internet(inet);
        if (internet == null) {
            internet = internet(notes);
            if (internet != null) {
                notes = ""; // the Notes-side item held an internet address (mail from the internet)
            }
        } else if (internet(notes) != null) {
            notes = "";
        }
        String notesName = stripDomain(notes);
        String email = internet == null ? "" : internet[0];
        String display = internet != null && !internet[1].isEmpty() ? internet[1] : commonName(notesName);
        if (email.isEmpty() && notesName.isEmpty()) {
            return null;
        }
        return MailAddress.of(email, display, notesName);
    }

    /** The parties of paired lists (SendTo with INetSendTo, ...); entries are matched by position. */
    static List<MailAddress> list(List<String> notesValues, List<String> inetValues) {
        List<MailAddress> parties = new ArrayList<MailAddress>();
        int n = Math.max(notesValues.size(), inetValues.size());
        for (int i = 0; i < n; i++) {
            String notes = i < notesValues.size() ? notesValues.get(i) : "";
            String inet = i < inetValues.size() ? inetValues.get(i) : "";
            List<String> split = splitInternetList(clean(notes));
            if (split.size() > 1 && clean(inet).isEmpty()) {
                for (String one : split) {
                    add(parties, of(one, ""));
                }
            } else {
                add(parties, of(notes, inet));
            }
        }
        return parties;
    }

    private static void add(List<MailAddress> parties, MailAddress a) {
        if (a != null && !parties.contains(a)) {
            parties.add(a);
        }
    }

    /** {email, display name} when the text is an RFC 822 address, else null. */
    static String[] internet(String text) {
        if (text.isEmpty()) {
            return null;
        }
        Matcher m = ANGLE.matcher(text);
        if (m.matches() && BARE.matcher(m.group(2)).matches()) {
            return new String[] {m.group(2), phrase(m.group(1))};
        }
        if (BARE.matcher(text).matches()) {
            return new String[] {text, ""};
        }
        return null;
    }

    /** "a@x.org, B <b@y.org>" as its addresses, but only when every part is an internet address. */
    private static List<String> splitInternetList(String text) {
        List<String> parts = new ArrayList<String>();
        if (text.indexOf(',') < 0 && text.indexOf(';') < 0) {
            parts.add(text);
            return parts;
        }
        boolean quoted = false;
        int angle = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '<' && !quoted) {
                angle++;
            } else if (c == '>' && !quoted && angle > 0) {
                angle--;
            } else if ((c == ',' || c == ';') && !quoted && angle == 0) {
                parts.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(text.substring(start).trim());
        for (String p : parts) {
            if (internet(p) == null) {
                List<String> whole = new ArrayList<String>();
                whole.add(text); // e.g. a flat Notes name "Doe, Jane"
                return whole;
            }
        }
        return parts;
    }

    private static String phrase(String raw) {
        String p = raw.trim();
        if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
            p = p.substring(1, p.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return EncodedWords.decode(p).trim();
    }

    /** "Jane Doe" from "CN=Jane Doe/O=Acme", "Jane Doe/Acme" or "Jane Doe". */
    static String commonName(String notesName) {
        if (notesName.isEmpty()) {
            return "";
        }
        Matcher m = CN.matcher(notesName);
        if (m.find()) {
            return m.group(1).trim();
        }
        int slash = notesName.indexOf('/');
        return (slash < 0 ? notesName : notesName.substring(0, slash)).trim();
    }

    /** "CN=Jane Doe/O=Acme" from "CN=Jane Doe/O=Acme@AcmeDomain": the Notes domain is routing, not identity. */
    private static String stripDomain(String notesName) {
        int at = notesName.indexOf('@');
        return (at < 0 ? notesName : notesName.substring(0, at)).trim();
    }

    /** Domino writes "." in an INet item for an entry that has no internet address. */
    private static String clean(String value) {
        String v = value == null ? "" : value.trim();
        return v.equals(".") ? "" : v;
    }
}
