package io.crmbridge.ws.demo;

import io.crmbridge.agent.core.mail.Folder;
import io.crmbridge.agent.core.soap.MailStatus;
import io.crmbridge.agent.core.soap.SoapMailClient;
import io.crmbridge.agent.core.submit.Receipt;
import io.crmbridge.agent.core.submit.TransportException;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.record.CsvImportReport;
import io.crmbridge.ws.importmail.MailFiles;
import io.crmbridge.ws.importmail.MailImport;
import io.crmbridge.ws.importmail.MimeMailParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code crm-bridge demo} shows: bundled CRM records, bundled Inbox and Sent mail fed through the
 * agent's own SOAP client, and a table of what was recorded where and why.
 */
public final class DemoRun {
    public static final String MAILBOX = "jane.doe@acme.example";

    /** How the demo's mail is fed: the agent's SOAP client pointed at the running server. */
    public interface Feeder {
        MailImport.Summary feed(Path mbox, Folder folder);
    }

    /** One row of the demo's table. */
    public record Row(String folder, String subject, String state, String regarding, String why) {
    }

    private DemoRun() {
    }

    public static CsvImportReport importRecords(CrmBackend backend) throws IOException {
        try (Reader csv = new InputStreamReader(resource("records.csv"), StandardCharsets.UTF_8)) {
            return backend.records().importCsv(csv);
        }
    }

    /** Feeds the bundled Inbox and Sent mail and answers the table once the workers have recorded it. */
    public static List<Row> feedMail(CrmBackend backend, SoapMailClient client, Feeder feeder, Path workDir)
            throws IOException, TransportException {
        Map<String, String> folderOfReceipt = new LinkedHashMap<>();
        Map<String, String> subjectOfReceipt = new LinkedHashMap<>();
        Map<String, String> subjectOfMessage = new LinkedHashMap<>();
        for (Folder folder : Folder.values()) {
            String name = folder == Folder.INBOX ? "inbox.mbox" : "sent.mbox";
            Path mbox = workDir.resolve(name);
            try (InputStream in = resource(name)) {
                Files.copy(in, mbox, StandardCopyOption.REPLACE_EXISTING);
            }
            MimeMailParser parser = new MimeMailParser(MAILBOX, folder, 100);
            MailFiles.read(List.of(mbox), raw -> {
                try {
                    subjectOfMessage.put(raw.origin(), parser.parse(raw).subject());
                } catch (jakarta.mail.MessagingException e) {
                    subjectOfMessage.put(raw.origin(), "(unreadable)");
                }
            }, unreadable -> { });
            MailImport.Summary summary = feeder.feed(mbox, folder);
            for (Receipt receipt : summary.receipts()) {
                if (receipt.isAcknowledged()) {
                    folderOfReceipt.put(receipt.receiptId(), folder.name());
                    subjectOfReceipt.put(receipt.receiptId(), subjectOfMessage.getOrDefault(receipt.clientRef(), ""));
                }
            }
        }
        backend.awaitIdle(Duration.ofSeconds(30));
        List<Row> rows = new ArrayList<>();
        for (MailStatus status : client.getMailStatus(new ArrayList<>(folderOfReceipt.keySet()))) {
            String regarding = status.regardingType().isEmpty() ? "-"
                    : status.regardingType().toLowerCase(Locale.ROOT) + " \"" + status.regardingName() + "\"";
            String why = status.correlation().isEmpty()
                    ? status.reason() + (status.detail().isEmpty() ? "" : " " + status.detail())
                    : status.correlation() + " " + status.evidence();
            rows.add(new Row(folderOfReceipt.get(status.receiptId()), subjectOfReceipt.getOrDefault(status.receiptId(), ""),
                    status.state(), regarding, why.trim()));
        }
        return rows;
    }

    public static void printTable(List<Row> rows, PrintStream out) {
        String format = "%-6s %-44s %-11s %-36s %s%n";
        out.printf(format, "FOLDER", "SUBJECT", "STATE", "REGARDING", "HOW / WHY");
        for (Row row : rows) {
            out.printf(format, row.folder(), cut(row.subject(), 44), row.state(), cut(row.regarding(), 36), row.why());
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = DemoRun.class.getResourceAsStream("/demo/" + name);
        if (in == null) {
            throw new IOException("the demo data " + name + " is missing from the jar");
        }
        return in;
    }
}
