package io.crmbridge.backend.exchange.sync;

/**
 * What a sync run did.
 *
 * @param created   contacts created in a mailbox
 * @param updated   contacts updated (overwritten conflicts included)
 * @param unchanged contacts whose content matched what was pushed: no request was made
 * @param deleted   contacts deleted (or found already gone)
 * @param conflicts contacts found edited in Outlook, whatever the policy did with them
 * @param failed    contacts that failed for good (their reason is in the status)
 * @param pending   contacts still waiting when the run ended (retrying later)
 */
public record SyncSummary(int created, int updated, int unchanged, int deleted, int conflicts, int failed,
                          int pending) {

    public static final SyncSummary EMPTY = new SyncSummary(0, 0, 0, 0, 0, 0, 0);

    @Override
    public String toString() {
        return created + " created, " + updated + " updated, " + unchanged + " unchanged, " + deleted + " deleted, "
                + conflicts + " conflicts, " + failed + " failed" + (pending > 0 ? ", " + pending + " pending" : "");
    }
}
