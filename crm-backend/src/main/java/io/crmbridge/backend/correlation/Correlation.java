package io.crmbridge.backend.correlation;

import io.crmbridge.backend.activity.CorrelationMethod;
import io.crmbridge.backend.record.RecordRef;

import java.util.Objects;

/** A correlation rule's decision about a mail: linked to a record (how, and on what evidence), or unresolved (why). */
public sealed interface Correlation {

    /** The mail belongs to {@code regarding}; {@code evidence} is what showed it (the tag, the Message-ID, the address). */
    record Linked(RecordRef regarding, CorrelationMethod method, String evidence) implements Correlation {
        public Linked {
            Objects.requireNonNull(regarding, "regarding");
            Objects.requireNonNull(method, "method");
            evidence = Objects.requireNonNullElse(evidence, "");
        }
    }

    /** The mail cannot be linked without a person; {@code detail} says more (e.g. the unknown GUID). */
    record Unresolved(UnresolvedReason reason, String detail) implements Correlation {
        public Unresolved {
            Objects.requireNonNull(reason, "reason");
            detail = Objects.requireNonNullElse(detail, "");
        }
    }
}
