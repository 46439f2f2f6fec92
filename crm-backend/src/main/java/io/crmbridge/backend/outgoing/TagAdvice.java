package io.crmbridge.backend.outgoing;

import io.crmbridge.backend.activity.CorrelationMethod;
import io.crmbridge.backend.record.RecordRef;

import java.util.Objects;
import java.util.Optional;

/**
 * What to do with an outgoing mail's subject: the tag to append (empty when the mail belongs to no record),
 * the subject with it appended once, and which record and why.
 */
public record TagAdvice(Optional<String> tag, String subject, Optional<RecordRef> regarding,
                        Optional<CorrelationMethod> correlation, Optional<String> evidence) {
    public TagAdvice {
        tag = Objects.requireNonNullElse(tag, Optional.empty());
        subject = Objects.requireNonNullElse(subject, "");
        regarding = Objects.requireNonNullElse(regarding, Optional.empty());
        correlation = Objects.requireNonNullElse(correlation, Optional.empty());
        evidence = Objects.requireNonNullElse(evidence, Optional.empty());
    }

    /** No tag: the subject stays as it is. */
    public static TagAdvice none(String subject) {
        return new TagAdvice(Optional.empty(), subject, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
