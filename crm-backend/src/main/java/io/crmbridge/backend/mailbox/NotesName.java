package io.crmbridge.backend.mailbox;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Notes name in the form it is compared in: canonical ({@code CN=Jane Doe/OU=Sales/O=Acme}), abbreviated
 * ({@code Jane Doe/Sales/Acme}) and a routing domain ({@code ...@AcmeDomain}) all come to {@code jane doe/sales/acme}.
 */
public final class NotesName {
    private static final Pattern COMPONENT = Pattern.compile("^(?:CN|OU|O|C)=", Pattern.CASE_INSENSITIVE);

    private NotesName() {
    }

    /** The comparable key of {@code name}; "" for blank text. */
    public static String key(String name) {
        String n = name == null ? "" : name.strip();
        int at = n.indexOf('@');
        if (at >= 0) {
            n = n.substring(0, at);
        }
        StringBuilder key = new StringBuilder();
        for (String part : n.split("/")) {
            String p = COMPONENT.matcher(part.strip()).replaceFirst("").strip();
            if (p.isEmpty()) {
                continue;
            }
            if (key.length() > 0) {
                key.append('/');
            }
            key.append(p);
        }
        return key.toString().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
