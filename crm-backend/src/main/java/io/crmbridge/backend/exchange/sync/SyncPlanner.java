package io.crmbridge.backend.exchange.sync;

import io.crmbridge.backend.exchange.sync.Outbox.Enqueued;
import io.crmbridge.backend.exchange.sync.Outbox.Existing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what the outbox must hold: which contact belongs in which mailbox (by {@link TargetMode}),
 * comparing content fingerprints so that only real changes are queued.
 */
final class SyncPlanner {

    private static final int PAGE = 500;

    private final Outbox outbox;
    private final ContactSource source;
    private final ContactSyncSettings settings;

    SyncPlanner(Outbox outbox, ContactSource source, ContactSyncSettings settings) {
        this.outbox = outbox;
        this.source = source;
        this.settings = settings;
    }

    /** The mailboxes a contact belongs in. */
    List<MailboxTarget> targetsOf(SourceContact contact) {
        if (settings.mode() == TargetMode.ALL) {
            return settings.mailboxes();
        }
        return settings.mailboxes().stream().filter(t -> t.mailbox().equalsIgnoreCase(contact.ownerMailbox())).toList();
    }

    Enqueued changed(Collection<String> crmIds) {
        Set<String> ids = new LinkedHashSet<>(crmIds);
        Map<String, SourceContact> found = new HashMap<>();
        for (String id : ids) {
            source.find(id).ifPresent(c -> found.put(id, c));
        }
        return outbox.db().jdbi().inTransaction(h -> {
            Instant now = outbox.db().now();
            Map<MailboxTarget, List<Existing>> rows = outbox.rowsOf(h, ids);
            Map<MailboxTarget, List<Wanted>> wanted = new HashMap<>();
            Map<MailboxTarget, Set<String>> kept = new HashMap<>();
            for (SourceContact contact : found.values()) {
                Wanted w = wanted(contact);
                for (MailboxTarget target : targetsOf(contact)) {
                    wanted.computeIfAbsent(target, t -> new ArrayList<>()).add(w);
                    kept.computeIfAbsent(target, t -> new HashSet<>()).add(contact.crmId());
                }
            }
            Enqueued result = new Enqueued(0, 0);
            for (Map.Entry<MailboxTarget, List<Wanted>> entry : wanted.entrySet()) {
                result = result.plus(outbox.want(h, entry.getKey(), entry.getValue(),
                        byCrmId(rows.getOrDefault(entry.getKey(), List.of())), false, now));
            }
            // Rows of mailboxes the contact no longer belongs in (deleted, or a new owner).
            for (Map.Entry<MailboxTarget, List<Existing>> entry : rows.entrySet()) {
                Set<String> keep = kept.getOrDefault(entry.getKey(), Set.of());
                List<Existing> gone = entry.getValue().stream().filter(e -> !keep.contains(e.crmId())).toList();
                result = result.plus(outbox.unwant(h, gone, false, now));
            }
            return result;
        });
    }

    Enqueued deleted(Collection<String> crmIds) {
        return outbox.db().jdbi().inTransaction(h -> {
            Instant now = outbox.db().now();
            Enqueued result = new Enqueued(0, 0);
            for (List<Existing> rows : outbox.rowsOf(h, new LinkedHashSet<>(crmIds)).values()) {
                result = result.plus(outbox.unwant(h, rows, false, now));
            }
            return result;
        });
    }

    /**
     * Compares every CRM contact with every target mailbox (one mailbox, or all): queues what differs,
     * deletes what no longer belongs, and queues failed work again.
     */
    Enqueued everything(Optional<String> mailbox) {
        List<MailboxTarget> targets = settings.mailboxes().stream()
                .filter(t -> mailbox.isEmpty() || t.mailbox().equalsIgnoreCase(mailbox.get())).toList();
        Map<MailboxTarget, Map<String, Existing>> existing = new HashMap<>();
        Map<MailboxTarget, Set<String>> seen = new HashMap<>();
        outbox.db().jdbi().useHandle(h -> targets.forEach(t -> existing.put(t, outbox.existing(h, t, Optional.empty()))));
        targets.forEach(t -> seen.put(t, new HashSet<>()));
        Enqueued result = new Enqueued(0, 0);
        String after = "";
        while (true) {
            List<SourceContact> page = source.page(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1).crmId();
            Map<MailboxTarget, List<Wanted>> wanted = new HashMap<>();
            for (SourceContact contact : page) {
                Wanted w = wanted(contact);
                for (MailboxTarget target : targetsOf(contact)) {
                    if (existing.containsKey(target)) {
                        wanted.computeIfAbsent(target, t -> new ArrayList<>()).add(w);
                        seen.get(target).add(contact.crmId());
                    }
                }
            }
            result = result.plus(outbox.db().jdbi().inTransaction(h -> {
                Instant now = outbox.db().now();
                Enqueued pageResult = new Enqueued(0, 0);
                for (Map.Entry<MailboxTarget, List<Wanted>> entry : wanted.entrySet()) {
                    pageResult = pageResult.plus(outbox.want(h, entry.getKey(), entry.getValue(),
                            existing.get(entry.getKey()), true, now));
                }
                return pageResult;
            }));
        }
        for (MailboxTarget target : targets) {
            List<Existing> gone = existing.get(target).values().stream()
                    .filter(e -> !seen.get(target).contains(e.crmId())).toList();
            result = result.plus(outbox.db().jdbi().inTransaction(h ->
                    outbox.unwant(h, gone, true, outbox.db().now())));
        }
        outbox.dropUnwantedContents();
        return result;
    }

    private static Wanted wanted(SourceContact contact) {
        return new Wanted(contact.crmId(), ContactFingerprint.of(contact.fields()), FieldsJson.write(contact.fields()));
    }

    private static Map<String, Existing> byCrmId(List<Existing> rows) {
        Map<String, Existing> map = new HashMap<>();
        rows.forEach(r -> map.put(r.crmId(), r));
        return map;
    }
}
