package io.crmbridge.agent.core.mail;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an HTML mail body into readable plain text: scripts, styles and comments go, block ends
 * become line breaks, other tags are dropped, character references are decoded. Good enough for an
 * activity's description; not a renderer.
 */
public final class HtmlText {
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern SPACE = Pattern.compile("[ \\t\\r\\n\\f]+");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\b[^>]*>");
    private static final Pattern BLOCK = Pattern.compile("(?i)</?(p|div|tr|table|h[1-6]|ul|ol|blockquote|pre|hr)\\b[^>]*>");
    private static final Pattern ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
    private static final Pattern CELL = Pattern.compile("(?i)</t[dh]\\s*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
    private static final Pattern LINE_EDGES = Pattern.compile(" *\n *");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");
    private static final Map<String, String> NAMED = new HashMap<String, String>();

    static {
        String[] pairs = {
            "nbsp", " ", "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'",
            "auml", "\u00e4", "ouml", "\u00f6", "uuml", "\u00fc", "Auml", "\u00c4", "Ouml", "\u00d6", "Uuml", "\u00dc",
            "szlig", "\u00df", "eacute", "\u00e9", "egrave", "\u00e8", "ecirc", "\u00ea", "aacute", "\u00e1",
            "agrave", "\u00e0", "acirc", "\u00e2", "oacute", "\u00f3", "iacute", "\u00ed", "uacute", "\u00fa",
            "ntilde", "\u00f1", "ccedil", "\u00e7", "Eacute", "\u00c9", "aring", "\u00e5", "oslash", "\u00f8",
            "copy", "\u00a9", "reg", "\u00ae", "trade", "\u2122", "euro", "\u20ac", "pound", "\u00a3",
            "ndash", "\u2013", "mdash", "\u2014", "hellip", "\u2026", "laquo", "\u00ab", "raquo", "\u00bb",
            "lsquo", "\u2018", "rsquo", "\u2019", "ldquo", "\u201c", "rdquo", "\u201d", "bdquo", "\u201e",
            "bull", "\u2022", "middot", "\u00b7", "deg", "\u00b0", "sect", "\u00a7", "shy", "",
        };
        for (int i = 0; i < pairs.length; i += 2) {
            NAMED.put(pairs[i], pairs[i + 1]);
        }
    }

    private HtmlText() {
    }

    public static String toPlainText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String s = COMMENT.matcher(html).replaceAll("");
        s = INVISIBLE.matcher(s).replaceAll("");
        s = SPACE.matcher(s).replaceAll(" "); // source line breaks mean nothing in HTML
        s = LINE_BREAK.matcher(s).replaceAll("\n");
        s = BLOCK.matcher(s).replaceAll("\n");
        s = ITEM.matcher(s).replaceAll("\n- ");
        s = CELL.matcher(s).replaceAll(" ");
        s = TAG.matcher(s).replaceAll("");
        s = decodeEntities(s);
        s = LINE_EDGES.matcher(s).replaceAll("\n");
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        return s.trim();
    }

    static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuffer out = new StringBuffer(s.length());
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (name.charAt(0) == '#') {
                value = codePoint(name);
            } else {
                value = NAMED.get(name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(String ref) {
        boolean hex = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X');
        int cp = Integer.parseInt(ref.substring(hex ? 2 : 1), hex ? 16 : 10);
        if (cp == 0 || cp > Character.MAX_CODE_POINT || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
            return "\uFFFD";
        }
        return new String(Character.toChars(cp));
    }
}
