package io.crmbridge.backend.exchange.sync;

import io.crmbridge.backend.exchange.webdav.WebDavSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How contacts are synced to Exchange.
 *
 * @param servers        the Exchange servers by id; each one's {@code maxConnections} bounds its parallel pushes
 * @param mode           which contacts go to which mailbox
 * @param mailboxes      the mailboxes that receive contacts, each on one of the servers
 * @param conflictPolicy what to do with a contact edited in Outlook
 * @param retry          when to try failed pushes again
 * @param pollInterval   how often idle workers look for due work (retries, other nodes' changes)
 * @param claimLease     how long a claimed push is reserved before another node may take it over
 */
public record ContactSyncSettings(Map<String, WebDavSettings> servers, TargetMode mode, List<MailboxTarget> mailboxes,
                                  ConflictPolicy conflictPolicy, RetryPolicy retry, Duration pollInterval,
                                  Duration claimLease) {

    public ContactSyncSettings {
        servers = Map.copyOf(servers);
        Objects.requireNonNull(mode, "mode");
        mailboxes = List.copyOf(mailboxes);
        Objects.requireNonNull(conflictPolicy, "conflictPolicy");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(claimLease, "claimLease");
        for (MailboxTarget target : mailboxes) {
            if (!servers.containsKey(target.server())) {
                throw new IllegalArgumentException("mailbox " + target.mailbox() + " names unknown Exchange server "
                        + target.server());
            }
        }
        long distinct = mailboxes.stream().map(t -> t.mailbox().toLowerCase(java.util.Locale.ROOT)).distinct().count();
        if (distinct != mailboxes.size()) {
            throw new IllegalArgumentException("a mailbox is listed twice among the contact sync targets");
        }
    }

    /** All contacts to the given mailboxes, crm-wins, default retries, a 1 s poll and a 5 min lease. */
    public static ContactSyncSettings allContactsTo(Map<String, WebDavSettings> servers, List<MailboxTarget> mailboxes) {
        return new ContactSyncSettings(servers, TargetMode.ALL, mailboxes, ConflictPolicy.CRM_WINS, RetryPolicy.DEFAULT,
                Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    public ContactSyncSettings withMode(TargetMode newMode) {
        return new ContactSyncSettings(servers, newMode, mailboxes, conflictPolicy, retry, pollInterval, claimLease);
    }

    public ContactSyncSettings withConflictPolicy(ConflictPolicy policy) {
        return new ContactSyncSettings(servers, mode, mailboxes, policy, retry, pollInterval, claimLease);
    }

    public ContactSyncSettings withRetry(RetryPolicy policy) {
        return new ContactSyncSettings(servers, mode, mailboxes, conflictPolicy, policy, pollInterval, claimLease);
    }

    public ContactSyncSettings withPollInterval(Duration interval) {
        return new ContactSyncSettings(servers, mode, mailboxes, conflictPolicy, retry, interval, claimLease);
    }
}
