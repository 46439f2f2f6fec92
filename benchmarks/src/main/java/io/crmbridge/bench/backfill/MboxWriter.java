package io.crmbridge.bench.backfill;

import io.crmbridge.bench.stream.GeneratedMail;
import io.crmbridge.bench.stream.MailStream;
import jakarta.mail.internet.MimeUtility;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes the benchmark's mail stream as an mbox (mboxrd: body lines starting with "From " get a '&gt;'), each
 * message a single text/plain UTF-8 part with RFC 2047 encoded subjects where needed.
 */
public final class MboxWriter {
    private static final DateTimeFormatter ENVELOPE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss yyyy", Locale.ROOT);

    private MboxWriter() {
    }

    /** Writes {@code count} messages to {@code file} unless a complete one from an earlier run is there. */
    public static void ensure(Path file, int count, long seed, List<UUID> records, String mailbox) throws IOException {
        Path done = file.resolveSibling(file.getFileName() + ".complete");
        if (Files.exists(file) && Files.exists(done)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(done);
        MailStream stream = new MailStream(seed, records, mailbox);
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            for (int i = 0; i < count; i++) {
                write(out, stream.next());
            }
        }
        Files.writeString(done, count + "\n");
    }

    static void write(Writer out, GeneratedMail m) throws IOException {
        out.write("From " + m.from() + " " + ENVELOPE.format(m.postedAt().atZone(ZoneOffset.UTC)) + "\n");
        out.write("From: " + m.fromName() + " <" + m.from() + ">\n");
        out.write("To: " + String.join(", ", m.to()) + "\n");
        out.write("Subject: " + encoded(m.subject()) + "\n");
        out.write("Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(m.postedAt().atZone(ZoneOffset.UTC)) + "\n");
        out.write("Message-ID: " + m.messageId() + "\n");
        if (!m.inReplyTo().isEmpty()) {
            out.write("In-Reply-To: " + m.inReplyTo() + "\n");
        }
        out.write("MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n");
        for (String line : m.body().split("\n", -1)) {
            if (line.matches(">*From .*")) {
                out.write('>');
            }
            out.write(line);
            out.write('\n');
        }
        out.write('\n');
    }

    private static String encoded(String subject) throws UnsupportedEncodingException {
        return subject.chars().allMatch(c -> c < 128) ? subject : MimeUtility.encodeText(subject, "UTF-8", "Q");
    }
}
