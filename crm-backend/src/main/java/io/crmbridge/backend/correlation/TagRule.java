package io.crmbridge.backend.correlation;

import io.crmbridge.backend.activity.CorrelationMethod;
import io.crmbridge.backend.intake.InboundMail;

import java.util.Optional;

/** Links a mail to the record named by the last valid {@code CRM:<GUID>:MRC} tag in its subject. */
public final class TagRule implements CorrelationRule {

    @Override
    public Optional<Correlation> correlate(InboundMail mail, CorrelationContext context) {
        return SubjectTag.lastIn(mail.subject()).map(tag -> context.record(tag.recordId())
                .<Correlation>map(record -> new Correlation.Linked(record, CorrelationMethod.TAG, tag.text()))
                .orElseGet(() -> new Correlation.Unresolved(UnresolvedReason.UNKNOWN_RECORD, tag.recordId().toString())));
    }
}
