package io.crmbridge.backend.correlation;

import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.Party;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The last word of the standard chain: nothing linked the mail; NO_MATCH, with the addresses that were tried. */
public final class NoMatchRule implements CorrelationRule {
    private static final int MAX_DETAIL = 2000;

    @Override
    public Optional<Correlation> correlate(InboundMail mail, CorrelationContext context) {
        List<Party> external = ExternalParties.of(mail, context);
        String detail = external.isEmpty() ? "no tag, no tracked thread, no external address"
                : "no tag, no tracked thread, and no contact, lead or account has the address "
                + external.stream().map(Party::email).collect(Collectors.joining(", "));
        return Optional.of(new Correlation.Unresolved(UnresolvedReason.NO_MATCH, Details.cut(detail, MAX_DETAIL)));
    }
}
