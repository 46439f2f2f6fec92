package io.crmbridge.backend.correlation;

import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.Party;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Mail between the organisation's own people only is not tracked (unless a tag said otherwise, which the
 * tag rule before this one decides). Answers NOT_TRACKED INTERNAL_ONLY when every party is internal.
 */
public final class InternalOnlyRule implements CorrelationRule {
    private static final int MAX_DETAIL = 2000;

    @Override
    public Optional<Correlation> correlate(InboundMail mail, CorrelationContext context) {
        List<Party> parties = ExternalParties.all(mail);
        if (parties.isEmpty() || !parties.stream().allMatch(context::isInternal)) {
            return Optional.empty();
        }
        String names = parties.stream().map(p -> context.addressOf(p).isEmpty() ? p.notesName() : context.addressOf(p))
                .distinct().collect(Collectors.joining(", "));
        return Optional.of(new Correlation.NotTracked(NotTrackedReason.INTERNAL_ONLY,
                Details.cut("no external party; internal: " + names, MAX_DETAIL)));
    }
}
