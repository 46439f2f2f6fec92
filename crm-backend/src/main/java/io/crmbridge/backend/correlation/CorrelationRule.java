package io.crmbridge.backend.correlation;

import io.crmbridge.backend.intake.InboundMail;

import java.util.Optional;

/**
 * One question asked of a mail: "do you know where this belongs, and why?". Rules are stateless and called
 * concurrently from several workers; each answers a decision, or empty to let the next rule in the
 * {@link CorrelationChain} try. A rule that answers ends the chain, including with an Unresolved decision
 * (a tag naming an unknown record must not be overridden by a weaker rule).
 */
public interface CorrelationRule {

    /** The decision about {@code mail}, or empty when this rule has nothing to say. */
    Optional<Correlation> correlate(InboundMail mail, CorrelationContext context);
}
