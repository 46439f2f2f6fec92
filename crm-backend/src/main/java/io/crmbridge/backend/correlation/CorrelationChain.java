package io.crmbridge.backend.correlation;

import io.crmbridge.backend.intake.InboundMail;

import java.util.List;
import java.util.Optional;

/** Runs correlation rules in order; the first that answers decides, and when none does the mail is unresolved. */
public final class CorrelationChain {
    private final List<CorrelationRule> rules;
    private final Correlation.Unresolved whenNoRuleAnswers;

    public CorrelationChain(List<CorrelationRule> rules, Correlation.Unresolved whenNoRuleAnswers) {
        this.rules = List.copyOf(rules);
        this.whenNoRuleAnswers = whenNoRuleAnswers;
    }

    /** The chain of this release: the subject tag only; a mail without one waits as NO_TAG. */
    public static CorrelationChain standard() {
        return new CorrelationChain(List.of(new TagRule()), new Correlation.Unresolved(UnresolvedReason.NO_TAG, ""));
    }

    /** The first rule's decision about {@code mail}. */
    public Correlation correlate(InboundMail mail, CorrelationContext context) {
        for (CorrelationRule rule : rules) {
            Optional<Correlation> decision = rule.correlate(mail, context);
            if (decision.isPresent()) {
                return decision.get();
            }
        }
        return whenNoRuleAnswers;
    }
}
