package io.crmbridge.agent.core.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes RFC 2047 encoded words ({@code =?UTF-8?Q?M=C3=BCller?=}) in header text such as display names. */
public final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern GAP = Pattern.compile("(\\?=)[ \\t\\r\\n]+(=\\?)");

    private EncodedWords() {
    }

    /** The text with every decodable encoded word decoded; what cannot be decoded stays as it is. */
    public static String decode(String text) {
        if (text == null || text.indexOf("=?") < 0) {
            return text == null ? "" : text;
        }
        // White space between two encoded words is not part of the text (RFC 2047, 6.2).
        String s = GAP.matcher(text).replaceAll("$1$2");
        Matcher m = WORD.matcher(s);
        StringBuffer out = new StringBuffer(s.length());
        while (m.find()) {
            String decoded = word(m.group(1), m.group(2), m.group(3));
            m.appendReplacement(out, Matcher.quoteReplacement(decoded == null ? m.group() : decoded));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String word(String charsetName, String encoding, String text) {
        try {
            int star = charsetName.indexOf('*'); // RFC 2231 language suffix
            Charset charset = Charset.forName(star < 0 ? charsetName : charsetName.substring(0, star));
            byte[] bytes = encoding.equalsIgnoreCase("B") ? Base64.getMimeDecoder().decode(text) : quoted(text);
            return new String(bytes, charset);
        } catch (IllegalArgumentException e) {
            return null; // unknown charset or bad encoding: leave the word alone
        }
    }

    private static byte[] quoted(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length()) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
