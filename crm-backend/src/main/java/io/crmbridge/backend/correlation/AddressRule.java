package io.crmbridge.backend.correlation;

import io.crmbridge.backend.activity.CorrelationMethod;
import io.crmbridge.backend.intake.InboundMail;
import io.crmbridge.backend.intake.Party;
import io.crmbridge.backend.record.RecordRef;
import io.crmbridge.backend.record.RecordType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Links a mail by its external parties' addresses (see {@link ExternalParties}): to the one contact or lead
 * they belong to, or, when no person has them, to the one account. Several matches are not guessed between:
 * the mail waits as AMBIGUOUS with every candidate. No match lets the next rule try.
 */
public final class AddressRule implements CorrelationRule {
    private static final Set<RecordType> PEOPLE = Set.of(RecordType.CONTACT, RecordType.LEAD);
    private static final Set<RecordType> ACCOUNTS = Set.of(RecordType.ACCOUNT);
    private static final int MAX_DETAIL = 2000;

    @Override
    public Optional<Correlation> correlate(InboundMail mail, CorrelationContext context) {
        List<Party> external = ExternalParties.of(mail, context);
        if (external.isEmpty()) {
            return Optional.empty();
        }
        Optional<Correlation> people = decide(external, PEOPLE, context);
        return people.isPresent() ? people : decide(external, ACCOUNTS, context);
    }

    private static Optional<Correlation> decide(List<Party> external, Set<RecordType> types, CorrelationContext context) {
        // address -> its records, in the order the addresses appear
        Map<String, List<RecordRef>> matches = new LinkedHashMap<>();
        for (Party p : external) {
            List<RecordRef> records = context.recordsWithAddress(p.email(), types);
            if (!records.isEmpty()) {
                matches.put(p.email(), records);
            }
        }
        List<RecordRef> candidates = new ArrayList<>();
        matches.values().forEach(list -> list.stream().filter(r -> !candidates.contains(r)).forEach(candidates::add));
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (candidates.size() == 1) {
            String address = matches.keySet().iterator().next();
            return Optional.of(new Correlation.Linked(candidates.get(0), CorrelationMethod.ADDRESS, address));
        }
        String detail = matches.entrySet().stream()
                .map(e -> e.getKey() + " matches " + e.getValue().stream().map(AddressRule::describe)
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        return Optional.of(new Correlation.Unresolved(UnresolvedReason.AMBIGUOUS, Details.cut(detail, MAX_DETAIL), candidates));
    }

    private static String describe(RecordRef r) {
        return r.type() + " " + r.id() + (r.name().isEmpty() ? "" : " (" + r.name() + ")");
    }
}
