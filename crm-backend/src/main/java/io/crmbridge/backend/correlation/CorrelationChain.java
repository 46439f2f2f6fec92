package io.crmbridge.backend.correlation;

import io.crmbridge.backend.intake.InboundMail;

import java.util.List;
import java.util.Optional;

/**
 * Runs correlation rules in order; the first that answers decides, and when none does the mail is unresolved.
 * Adding a rule (smarter matching, folder-based tracking) is adding a class and a line to {@link #standard()}.
 */
public final class CorrelationChain {
    private final List<CorrelationRule> rules;
    private final Correlation.Unresolved whenNoRuleAnswers;

    public CorrelationChain(List<CorrelationRule> rules, Correlation.Unresolved whenNoRuleAnswers) {
        this.rules = List.copyOf(rules);
        this.whenNoRuleAnswers = whenNoRuleAnswers;
    }

    /**
     * The chain of this release: (1) the subject tag, which also answers UNKNOWN_RECORD for a tag naming no
     * record; (2) mail with no external party is not tracked (INTERNAL_ONLY); (3) the thread (In-Reply-To,
     * then References); (4) the external party's address (one match links, several are AMBIGUOUS); (5)
     * otherwise NO_MATCH.
     */
    public static CorrelationChain standard() {
        return new CorrelationChain(List.of(new TagRule(), new InternalOnlyRule(), new ThreadRule(), new AddressRule(),
                new NoMatchRule()), new Correlation.Unresolved(UnresolvedReason.NO_MATCH, ""));
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
