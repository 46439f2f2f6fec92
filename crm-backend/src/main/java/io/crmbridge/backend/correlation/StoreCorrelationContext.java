package io.crmbridge.backend.correlation;

import io.crmbridge.backend.intake.Party;
import io.crmbridge.backend.mailbox.SystemUsers;
import io.crmbridge.backend.record.RecordRef;
import io.crmbridge.backend.record.RecordType;
import org.jdbi.v3.core.Handle;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Answers correlation rules from the store, inside the caller's transaction. One instance per mail: look-ups
 * of parties are remembered, since several rules ask about the same ones.
 */
public final class StoreCorrelationContext implements CorrelationContext {
    private final Handle h;
    private final List<String> internalDomains;
    private final Map<String, Optional<UUID>> usersByMailbox = new HashMap<>();
    private final Map<String, Optional<SystemUsers.SystemUser>> usersByNotesName = new HashMap<>();

    public StoreCorrelationContext(Handle h, List<String> internalDomains) {
        this.h = h;
        this.internalDomains = List.copyOf(internalDomains);
    }

    /**
     * Looks up at once which of {@code parties} are system users by their addresses, so that the rules and the
     * recording of the parties ask the store once per mail instead of once per party.
     */
    public StoreCorrelationContext knowing(Collection<Party> parties) {
        List<String> emails = parties.stream().map(p -> SystemUsers.normalize(p.email())).filter(e -> !e.isEmpty())
                .filter(e -> !usersByMailbox.containsKey(e)).distinct().toList();
        if (!emails.isEmpty()) {
            Map<String, UUID> found = SystemUsers.findAll(h, emails);
            emails.forEach(e -> usersByMailbox.put(e, Optional.ofNullable(found.get(e))));
        }
        return this;
    }

    @Override
    public Optional<RecordRef> record(UUID id) {
        return h.createQuery("SELECT record_type, name FROM records WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new RecordRef(RecordType.valueOf(rs.getString("record_type")), id, rs.getString("name")))
                .findOne();
    }

    @Override
    public Optional<RecordRef> threadRecord(String messageId) {
        return h.createQuery("""
                        SELECT a.regarding_type, a.regarding_id, r.name
                        FROM email_activities a JOIN records r ON r.id = a.regarding_id
                        WHERE a.message_id = :messageId AND a.state = 'RECORDED'
                        ORDER BY a.created_at
                        FETCH FIRST 1 ROWS ONLY""")
                .bind("messageId", messageId)
                .map((rs, ctx) -> new RecordRef(RecordType.valueOf(rs.getString("regarding_type")),
                        rs.getObject("regarding_id", UUID.class), rs.getString("name")))
                .findOne();
    }

    @Override
    public List<RecordRef> recordsWithAddress(String email, Set<RecordType> types) {
        if (email.isEmpty() || types.isEmpty()) {
            return List.of();
        }
        return h.createQuery("""
                        SELECT r.id, r.record_type, r.name FROM record_emails e JOIN records r ON r.id = e.record_id
                        WHERE e.email = :email AND r.record_type IN (<types>)
                        ORDER BY r.id""")
                .bind("email", email)
                .bindList("types", types.stream().map(Enum::name).sorted().toList())
                .map((rs, ctx) -> new RecordRef(RecordType.valueOf(rs.getString("record_type")), rs.getObject("id", UUID.class),
                        rs.getString("name")))
                .list();
    }

    @Override
    public String addressOf(Party party) {
        String email = SystemUsers.normalize(party.email());
        if (!email.isEmpty()) {
            return email;
        }
        return userByNotesName(party.notesName()).map(SystemUsers.SystemUser::mailbox).orElse("");
    }

    @Override
    public boolean isInternal(Party party) {
        String email = SystemUsers.normalize(party.email());
        if (email.isEmpty()) {
            return !party.notesName().isBlank();
        }
        return systemUser(party).isPresent() || internalDomains.contains(domainOf(email));
    }

    /** The system user the party is: by its address, else by its Notes name. */
    public Optional<UUID> systemUser(Party party) {
        String email = SystemUsers.normalize(party.email());
        if (!email.isEmpty()) {
            Optional<UUID> byMailbox = usersByMailbox.computeIfAbsent(email, e -> SystemUsers.find(h, e));
            if (byMailbox.isPresent()) {
                return byMailbox;
            }
        }
        return userByNotesName(party.notesName()).map(SystemUsers.SystemUser::id);
    }

    private Optional<SystemUsers.SystemUser> userByNotesName(String notesName) {
        if (notesName.isBlank()) {
            return Optional.empty();
        }
        return usersByNotesName.computeIfAbsent(notesName, n -> SystemUsers.findByNotesName(h, n));
    }

    private static String domainOf(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1);
    }
}
