package io.crmbridge.backend.outgoing;

import io.crmbridge.backend.BackendException;
import io.crmbridge.backend.correlation.Correlation;
import io.crmbridge.backend.correlation.CorrelationContext;
import io.crmbridge.backend.correlation.Correlator;
import io.crmbridge.backend.correlation.SubjectTag;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MailFolder;
import io.crmbridge.backend.intake.Party;
import io.crmbridge.backend.mailbox.SystemUsers;
import io.crmbridge.backend.record.RecordRef;
import io.crmbridge.backend.record.RecordType;
import io.crmbridge.backend.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Answers the tag for an outgoing mail by the rules that link incoming mail: a tag already in the subject, a
 * reply in a tracked thread, or recipients that belong to exactly one contact or lead (or account). Mail to
 * internal recipients only, or that matches nothing or several records, gets no tag. Reads only.
 */
public final class OutgoingTagging {
    private static final Logger LOG = LoggerFactory.getLogger(OutgoingTagging.class);

    private final Database db;
    private final Correlator correlator;

    public OutgoingTagging(Database db, Correlator correlator) {
        this.db = Objects.requireNonNull(db, "db");
        this.correlator = Objects.requireNonNull(correlator, "correlator");
    }

    /**
     * The tag to append to {@code mail}'s subject and the subject with it (appended once), or no tag and the
     * subject unchanged. Throws {@link BackendException} UNAVAILABLE when the store cannot be asked.
     */
    public TagAdvice advise(OutgoingMail mail) {
        Objects.requireNonNull(mail, "mail");
        String mailbox = SystemUsers.normalize(mail.mailbox());
        InboundMail asSent = new InboundMail("", mailbox, MailFolder.SENT, Optional.empty(), mail.inReplyTo(), mail.references(),
                mail.subject(), mailbox.isEmpty() ? Optional.empty() : Optional.of(Party.of(mailbox)), mail.to(), mail.cc(),
                mail.bcc(), Optional.empty(), Optional.empty(), "", false, List.of(), "", "");
        Correlation decision;
        try {
            decision = db.jdbi().withHandle(h -> correlator.correlate(asSent,
                    new SenderIsInternal(correlator.context(h), mailbox)));
        } catch (RuntimeException e) {
            LOG.warn("Cannot advise a tag for mail from {}: {}", mailbox, e.toString());
            throw new BackendException(BackendException.UNAVAILABLE, "the store cannot be asked for a tag now", e);
        }
        if (decision instanceof Correlation.Linked linked) {
            String tag = SubjectTag.format(linked.regarding().id());
            LOG.debug("Tag advice for mail from {}: {} {} by {} ({})", mailbox, linked.regarding().type(),
                    linked.regarding().id(), linked.method(), linked.evidence());
            return new TagAdvice(Optional.of(tag), SubjectTag.appendTo(mail.subject(), linked.regarding().id()),
                    Optional.of(linked.regarding()), Optional.of(linked.method()), Optional.of(linked.evidence()));
        }
        LOG.debug("No tag for mail from {}: {}", mailbox, decision);
        return TagAdvice.none(mail.subject());
    }

    /** The sending mailbox is ours even before it has submitted any mail. */
    private record SenderIsInternal(CorrelationContext store, String mailbox) implements CorrelationContext {
        @Override
        public Optional<RecordRef> record(UUID id) {
            return store.record(id);
        }

        @Override
        public Optional<RecordRef> threadRecord(String messageId) {
            return store.threadRecord(messageId);
        }

        @Override
        public List<RecordRef> recordsWithAddress(String email, Set<RecordType> types) {
            return store.recordsWithAddress(email, types);
        }

        @Override
        public String addressOf(Party party) {
            return store.addressOf(party);
        }

        @Override
        public boolean isInternal(Party party) {
            return (!mailbox.isEmpty() && mailbox.equals(store.addressOf(party))) || store.isInternal(party);
        }
    }
}
