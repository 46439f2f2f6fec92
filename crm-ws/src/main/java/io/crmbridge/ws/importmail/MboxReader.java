package io.crmbridge.ws.importmail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Streams the messages of an mbox file one at a time (mboxo/mboxrd: a message starts at a
 * {@code From } line after a blank line; {@code >From } lines are unescaped), so a file of any size
 * is read in the memory of one message.
 */
public final class MboxReader implements Iterator<RawMail>, Closeable {
    private static final byte[] FROM = "From ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final java.util.regex.Pattern ENVELOPE =
            java.util.regex.Pattern.compile("From \\S+ .*\\b\\d{4}\\s*", java.util.regex.Pattern.DOTALL);

    private final InputStream in;
    private final String name;
    private byte[] pendingLine;
    private RawMail next;
    private int count;

    public MboxReader(Path file) throws IOException {
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        this.name = file.toString();
        this.pendingLine = readLine();
        while (pendingLine != null && !startsWith(pendingLine, FROM, 0)) {
            if (!isBlank(pendingLine)) {
                throw new IOException(name + " is not an mbox file (it does not start with a 'From ' line)");
            }
            pendingLine = readLine();
        }
    }

    /** Whether the file looks like an mbox: its first line starts with {@code From }. */
    public static boolean looksLikeMbox(Path file) throws IOException {
        try (InputStream probe = Files.newInputStream(file)) {
            byte[] head = probe.readNBytes(FROM.length);
            return head.length == FROM.length && startsWith(head, FROM, 0);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readMessage();
        }
        return next != null;
    }

    @Override
    public RawMail next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawMail mail = next;
        next = null;
        return mail;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private RawMail readMessage() {
        try {
            if (pendingLine == null) {
                return null;
            }
            // pendingLine is the envelope "From " line; the message is everything up to the next one.
            ByteArrayOutputStream message = new ByteArrayOutputStream(8192);
            boolean previousBlank = false;
            byte[] line;
            while ((line = readLine()) != null) {
                if (previousBlank && isEnvelope(line)) {
                    break;
                }
                previousBlank = isBlank(line);
                writeUnescaped(message, line);
            }
            pendingLine = line;
            count++;
            return new RawMail(name + "#" + count, message.toByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * An envelope line is {@code From <sender> <asctime date>}; checking the year at its end keeps an
     * unescaped "From ..." sentence after a blank line inside a body from splitting the message.
     */
    private static boolean isEnvelope(byte[] line) {
        return startsWith(line, FROM, 0)
                && ENVELOPE.matcher(new String(line, java.nio.charset.StandardCharsets.ISO_8859_1)).matches();
    }

    private static void writeUnescaped(ByteArrayOutputStream out, byte[] line) {
        int gt = 0;
        while (gt < line.length && line[gt] == '>') {
            gt++;
        }
        if (gt > 0 && startsWith(line, FROM, gt)) {
            out.write(line, 1, line.length - 1);
        } else {
            out.write(line, 0, line.length);
        }
    }

    /** A line with its terminator, or null at the end of the file. */
    private byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static boolean startsWith(byte[] line, byte[] prefix, int offset) {
        if (line.length - offset < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
