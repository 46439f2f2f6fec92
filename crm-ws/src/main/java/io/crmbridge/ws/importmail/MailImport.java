package io.crmbridge.ws.importmail;

import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.core.submit.MailSubmitter;
import io.crmbridge.agent.core.submit.Receipt;
import io.crmbridge.agent.core.submit.SubmissionReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Feeds mail files through the agent's own submitter (the same batching and SOAP client as in Domino)
 * and counts what became of each message. A message that cannot be parsed is reported and skipped;
 * when the server stops acknowledging, reading stops.
 */
public final class MailImport {

    /** What an import achieved. */
    public record Summary(int read, int accepted, int duplicates, int rejected, int unreadable, int unacknowledged,
            Optional<String> failure, List<Receipt> receipts) {

        /** Everything read was stored (accepted now or before). */
        public boolean complete() {
            return failure.isEmpty() && rejected == 0 && unreadable == 0 && unacknowledged == 0;
        }
    }

    /** Told about progress and about each skipped or rejected message. */
    public interface Listener {
        void read(int messagesRead, String origin);

        void problem(String origin, String reason);
    }

    private final MimeMailParser parser;
    private final Listener listener;

    public MailImport(MimeMailParser parser, Listener listener) {
        this.parser = parser;
        this.listener = listener;
    }

    public Summary run(List<Path> paths, MailSubmitter submitter) {
        int[] counts = new int[2]; // read, unreadable
        boolean[] stopped = {false};
        Consumer<MailFiles.Unreadable> unreadable = u -> {
            counts[1]++;
            listener.problem(u.origin(), u.reason());
        };
        List<Path> files = MailFiles.expand(paths, unreadable);
        MailFiles.read(files, raw -> {
            if (stopped[0]) {
                return;
            }
            MailMessage message;
            try {
                message = parser.parse(raw);
            } catch (Exception e) {
                unreadable.accept(new MailFiles.Unreadable(raw.origin(), "not a readable message: " + e.getMessage()));
                return;
            }
            counts[0]++;
            listener.read(counts[0], raw.origin());
            if (!submitter.submit(message)) {
                stopped[0] = true;
            }
        }, unreadable);
        SubmissionReport report = submitter.finish();
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        for (Receipt receipt : report.receipts()) {
            switch (receipt.status()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> {
                    rejected++;
                    listener.problem(receipt.clientRef(), "rejected: " + receipt.faultCode() + " " + receipt.reason());
                }
            }
        }
        return new Summary(counts[0], accepted, duplicates, rejected, counts[1], report.unacknowledged().size(),
                report.failure().map(f -> f.code() + ": " + f.getMessage()), new ArrayList<>(report.receipts()));
    }
}
