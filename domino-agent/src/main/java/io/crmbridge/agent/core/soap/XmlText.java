package io.crmbridge.agent.core.soap;

/** Makes text safe for XML 1.0: mail bodies carry control characters XML cannot hold. */
final class XmlText {
    private XmlText() {
    }

    /**
     * Drops the characters XML 1.0 forbids (C0 controls but tab, newline and return; U+FFFE, U+FFFF;
     * unpaired surrogates), so one odd byte in a body cannot make the server refuse a whole batch.
     */
    static String clean(String s) {
        int i = 0;
        while (i < s.length() && allowed(s, i)) {
            i += Character.charCount(s.codePointAt(i));
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        b.append(s, 0, i);
        while (i < s.length()) {
            int step = Character.charCount(s.codePointAt(i));
            if (allowed(s, i)) {
                b.append(s, i, i + step);
            }
            i += step;
        }
        return b.toString();
    }

    private static boolean allowed(String s, int i) {
        int c = s.codePointAt(i);
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
            return false; // codePointAt returns a lone surrogate as itself
        }
        return c != 0xFFFE && c != 0xFFFF;
    }
}
