package io.crmbridge.backend.exchange.webdav;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes one URL path segment as UTF-8 bytes. Only ASCII letters, digits, {@code - . _} stay
 * as they are: Exchange misreads {@code & + : ; < > " # ~ * | ?} and {@code %} in item names, and
 * encoding the remaining sub-delimiters as well costs nothing and keeps one rule for every segment.
 */
final class PathSegment {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegment() {
    }

    static String encode(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 16);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
