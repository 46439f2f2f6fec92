package io.crmbridge.backend.exchange.sync;

import java.util.List;

/** The state of contact sync: counts per mailbox, and the contacts that failed or are being retried. */
public record SyncStatus(List<MailboxStatus> mailboxes, List<SyncProblem> problems) {

    public SyncStatus {
        mailboxes = List.copyOf(mailboxes);
        problems = List.copyOf(problems);
    }

    /** Counts of one mailbox's contacts by state. */
    public record MailboxStatus(String mailbox, String folder, long synced, long pending, long failed, long conflicts) {
    }
}
