package io.crmbridge.bench.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * A realistic, reproducible mail stream: half the subjects carry a tag (most naming a known record, some an
 * unknown GUID, some malformed), a fifth are replies, bodies of 2 to 20 KB of plain text, 1 to 10 recipients.
 * The same seed gives the same stream, so every target of a comparison gets the same bytes.
 */
public final class MailStream {
    private static final String[] WORDS = ("the quote for seats renewal contract meeting next week please find attached "
            + "invoice licence support ticket escalation customer account update pricing discount proposal call "
            + "schedule delivery order shipment review agreement terms signature project milestone budget forecast "
            + "regards thanks team manager department question answer issue resolved pending approval offer product "
            + "service upgrade migration server mailbox database report figures quarter revenue pipeline opportunity "
            + "lead contact partner vendor price list catalogue training workshop agenda minutes follow up reminder")
            .split(" ");
    private static final String[] TOPICS = {"Quote for 500 seats", "Renewal 2025", "Support ticket", "Meeting next week",
        "Invoice overdue", "Project kick-off", "Price list", "Contract draft", "Training dates", "Escalation",
        "Ängebot für Müller GmbH", "Teklif – Ağaoğlu & Sons", "Shipment delayed", "Budget review"};
    private static final Instant EPOCH = Instant.parse("2021-01-04T08:00:00Z");

    private final Random random;
    private final List<UUID> records;
    private final String mailbox;
    private final String domain;
    private final List<String> recentIds = new ArrayList<>();
    private long serial;

    /**
     * @param records the GUIDs of CRM records that exist; tags name them
     * @param mailbox the mailbox the stream is seen in (always one of the recipients)
     */
    public MailStream(long seed, List<UUID> records, String mailbox) {
        this.random = new Random(seed);
        this.records = List.copyOf(records);
        this.mailbox = mailbox;
        this.domain = "m" + Long.toHexString(seed & 0xffff) + ".example";
    }

    /** {@code count} GUIDs for CRM records, the same for the same seed. */
    public static List<UUID> recordIds(long seed, int count) {
        Random r = new Random(seed);
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(new UUID(r.nextLong(), r.nextLong()));
        }
        return ids;
    }

    public GeneratedMail next() {
        serial++;
        String ref = String.format(Locale.ROOT, "%016X%016X", random.nextLong(), serial);
        String messageId = "<" + Long.toHexString(random.nextLong() & Long.MAX_VALUE) + "." + serial + "@" + domain + ">";
        boolean reply = !recentIds.isEmpty() && random.nextInt(5) == 0;
        String inReplyTo = reply ? recentIds.get(random.nextInt(recentIds.size())) : "";
        String subject = (reply ? "Re: " : "") + TOPICS[random.nextInt(TOPICS.length)] + tag();
        int customer = random.nextInt(5000);
        String from = "contact" + customer + "@customer" + (customer % 97) + ".example";
        List<String> to = new ArrayList<>();
        to.add(mailbox);
        int more = random.nextInt(10);
        for (int i = 0; i < more; i++) {
            to.add("colleague" + random.nextInt(300) + "@acme.example");
        }
        Instant posted = EPOCH.plus(Duration.ofSeconds(serial * 97 + random.nextInt(60)));
        String body = body(2048 + random.nextInt(18 * 1024 + 1));
        remember(messageId);
        return new GeneratedMail(ref, messageId, inReplyTo, subject, from, "Contact " + customer, List.copyOf(to), posted,
                posted.plusSeconds(2 + random.nextInt(30)), body);
    }

    public List<GeneratedMail> next(int count) {
        List<GeneratedMail> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    // 45 % a known record, 3 % an unknown GUID, 2 % malformed, 50 % none
    private String tag() {
        int p = random.nextInt(100);
        if (p < 45) {
            UUID id = records.get(random.nextInt(records.size()));
            return random.nextBoolean() ? " CRM:{" + id + "}:MRC" : " crm: " + id.toString().toUpperCase(Locale.ROOT) + ":mrc";
        }
        if (p < 48) {
            return " CRM:{" + new UUID(random.nextLong(), random.nextLong()) + "}:MRC";
        }
        if (p < 50) {
            return " CRM:" + random.nextInt(100000) + ":MRC";
        }
        return "";
    }

    private String body(int size) {
        StringBuilder b = new StringBuilder(size + 80);
        b.append("Hello,\n\n");
        int line = 0;
        while (b.length() < size) {
            String w = WORDS[random.nextInt(WORDS.length)];
            if (line + w.length() > 72) {
                b.append('\n');
                line = 0;
            } else if (line > 0) {
                b.append(' ');
                line++;
            }
            b.append(w);
            line += w.length();
        }
        b.setLength(size);
        return b.append("\n\nRegards\n").toString();
    }

    private void remember(String messageId) {
        if (recentIds.size() < 64) {
            recentIds.add(messageId);
        } else {
            recentIds.set(random.nextInt(64), messageId);
        }
    }
}
