package io.crmbridge.backend.correlation;

import io.crmbridge.backend.activity.CorrelationMethod;
import io.crmbridge.backend.record.RecordRef;

import java.util.List;
import java.util.Objects;

/**
 * A correlation rule's decision about a mail: linked to a record (how, and on what evidence), unresolved (why,
 * and which records were candidates), or deliberately not tracked (why).
 */
public sealed interface Correlation {

    /** The mail belongs to {@code regarding}; {@code evidence} is what showed it (the tag, the Message-ID, the address). */
    record Linked(RecordRef regarding, CorrelationMethod method, String evidence) implements Correlation {
        public Linked {
            Objects.requireNonNull(regarding, "regarding");
            Objects.requireNonNull(method, "method");
            evidence = Objects.requireNonNullElse(evidence, "");
        }
    }

    /**
     * The mail cannot be linked without a person; {@code detail} says more (e.g. the unknown GUID), and
     * {@code candidates} are the records it might belong to (for AMBIGUOUS).
     */
    record Unresolved(UnresolvedReason reason, String detail, List<RecordRef> candidates) implements Correlation {
        public Unresolved {
            Objects.requireNonNull(reason, "reason");
            detail = Objects.requireNonNullElse(detail, "");
            candidates = List.copyOf(Objects.requireNonNullElse(candidates, List.of()));
        }

        public Unresolved(UnresolvedReason reason, String detail) {
            this(reason, detail, List.of());
        }
    }

    /** The mail is deliberately tracked on no record and kept out of the review queue. */
    record NotTracked(NotTrackedReason reason, String detail) implements Correlation {
        public NotTracked {
            Objects.requireNonNull(reason, "reason");
            detail = Objects.requireNonNullElse(detail, "");
        }
    }
}
