package io.crmbridge.backend.correlation;

import io.crmbridge.backend.activity.CorrelationMethod;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.MessageKey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Links a reply to the record of the thread it continues: {@code In-Reply-To} first, then {@code References}
 * from the nearest ancestor (the last) back, the first that names a linked activity wins. The evidence is
 * that Message-ID. An activity linked by hand is followed like any other.
 */
public final class ThreadRule implements CorrelationRule {

    @Override
    public Optional<Correlation> correlate(InboundMail mail, CorrelationContext context) {
        for (String messageId : ancestors(mail)) {
            Optional<Correlation> linked = context.threadRecord(messageId)
                    .map(record -> new Correlation.Linked(record, CorrelationMethod.THREAD, messageId));
            if (linked.isPresent()) {
                return linked;
            }
        }
        return Optional.empty();
    }

    /** The Message-IDs this mail answers, nearest first, without its own. */
    static List<String> ancestors(InboundMail mail) {
        Set<String> ids = new LinkedHashSet<>();
        mail.inReplyTo().flatMap(MessageKey::normalizeMessageId).ifPresent(ids::add);
        List<String> references = new ArrayList<>(mail.references());
        for (int i = references.size() - 1; i >= 0; i--) {
            // a References header may arrive as one string of several ids
            String[] parts = references.get(i).strip().split("\\s+");
            for (int j = parts.length - 1; j >= 0; j--) {
                MessageKey.normalizeMessageId(parts[j]).ifPresent(ids::add);
            }
        }
        mail.messageId().flatMap(MessageKey::normalizeMessageId).ifPresent(ids::remove);
        return List.copyOf(ids);
    }
}
