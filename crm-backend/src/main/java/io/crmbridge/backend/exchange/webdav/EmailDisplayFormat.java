package io.crmbridge.backend.exchange.webdav;

/**
 * Writes and reads Exchange's {@code email1} form, {@code "Display Name" <address>}: the display name
 * quoted as an RFC 5322 quoted string (backslash before {@code "} and {@code \}).
 */
final class EmailDisplayFormat {

    private EmailDisplayFormat() {
    }

    static String format(String displayName, String address) {
        if (address.isEmpty()) {
            return "";
        }
        if (displayName.isEmpty()) {
            return address;
        }
        return "\"" + displayName.replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + address + ">";
    }

    /** The address of an {@code email1} value; accepts a bare address and {@code Name <address>} too. */
    static String address(String value) {
        String trimmed = value.strip();
        if (trimmed.endsWith(">")) {
            int open = trimmed.lastIndexOf('<');
            if (open >= 0) {
                return trimmed.substring(open + 1, trimmed.length() - 1).strip();
            }
        }
        return trimmed;
    }
}
