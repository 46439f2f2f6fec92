package io.crmbridge.backend.mailbox;

import io.crmbridge.backend.store.Savepoints;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The system users: one per Domino mailbox that has submitted or sent mail, with its owner's names when a
 * sent mail has shown them. Their mailboxes and Notes names are what makes an address internal. Called
 * within the caller's transaction.
 */
public final class SystemUsers {
    private SystemUsers() {
    }

    /** A system user as correlation needs it: its id and mailbox address. */
    public record SystemUser(UUID id, String mailbox) {
    }

    /** A mailbox address as stored: trimmed, lower case. */
    public static String normalize(String mailbox) {
        return mailbox.strip().toLowerCase(Locale.ROOT);
    }

    /** The system user of {@code mailbox} (normalized), created on first sight; owner names fill blanks. */
    public static UUID findOrCreate(Handle h, String mailbox, String displayName, String notesName, Instant now) {
        for (int tries = 0; ; tries++) {
            Optional<UUID> existing = find(h, mailbox);
            if (existing.isPresent()) {
                if (!displayName.isEmpty()) {
                    h.createUpdate("UPDATE system_users SET display_name = :d WHERE id = :id AND display_name = ''")
                            .bind("d", displayName).bind("id", existing.get()).execute();
                }
                if (!notesName.isEmpty()) {
                    h.createUpdate("UPDATE system_users SET notes_name = :n, notes_key = :k WHERE id = :id AND notes_name = ''")
                            .bind("n", notesName).bind("k", NotesName.key(notesName)).bind("id", existing.get()).execute();
                }
                return existing.get();
            }
            UUID id = UUID.randomUUID();
            Optional<UUID> created = Savepoints.insertUnlessTaken(h, () -> {
                h.createUpdate("INSERT INTO system_users (id, mailbox, display_name, notes_name, notes_key, first_seen_at) "
                                + "VALUES (:id, :mailbox, :d, :n, :k, :now)")
                        .bind("id", id).bind("mailbox", mailbox).bind("d", displayName).bind("n", notesName)
                        .bind("k", NotesName.key(notesName)).bind("now", now).execute();
                return id;
            });
            if (created.isPresent()) {
                return id;
            }
            if (tries >= 2) {
                throw new IllegalStateException("system user for " + mailbox + " neither insertable nor found");
            }
        }
    }

    /** The system user of {@code mailbox} (normalized). */
    public static Optional<UUID> find(Handle h, String mailbox) {
        return h.createQuery("SELECT id FROM system_users WHERE mailbox = :mailbox")
                .bind("mailbox", mailbox).mapTo(UUID.class).findOne();
    }

    /** The ids of those of {@code mailboxes} (normalized) that are system users. */
    public static Map<String, UUID> findAll(Handle h, List<String> mailboxes) {
        Map<String, UUID> found = new HashMap<>();
        for (int from = 0; from < mailboxes.size(); from += 500) {
            h.createQuery("SELECT mailbox, id FROM system_users WHERE mailbox IN (<mailboxes>)")
                    .bindList("mailboxes", mailboxes.subList(from, Math.min(mailboxes.size(), from + 500)))
                    .map((rs, ctx) -> Map.entry(rs.getString("mailbox"), rs.getObject("id", UUID.class)))
                    .forEach(e -> found.put(e.getKey(), e.getValue()));
        }
        return found;
    }

    /** The system user whose Notes name is {@code notesName} in any of its forms (canonical, abbreviated). */
    public static Optional<SystemUser> findByNotesName(Handle h, String notesName) {
        String key = NotesName.key(notesName);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return h.createQuery("SELECT id, mailbox FROM system_users WHERE notes_key = :key ORDER BY first_seen_at, id")
                .bind("key", key)
                .map((rs, ctx) -> new SystemUser(rs.getObject("id", UUID.class), rs.getString("mailbox")))
                .list().stream().findFirst();
    }
}
