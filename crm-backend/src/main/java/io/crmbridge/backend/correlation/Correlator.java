package io.crmbridge.backend.correlation;

import io.crmbridge.backend.intake.InboundMail;
import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Objects;

/** The correlation chain with what it needs from configuration (the internal domains), ready to ask within a transaction. */
public final class Correlator {
    private final CorrelationChain chain;
    private final List<String> internalDomains;

    public Correlator(CorrelationChain chain, List<String> internalDomains) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.internalDomains = List.copyOf(internalDomains);
    }

    /** The standard chain, with these internal domains. */
    public static Correlator standard(List<String> internalDomains) {
        return new Correlator(CorrelationChain.standard(), internalDomains);
    }

    /** A fresh context on {@code h}, for one mail. */
    public StoreCorrelationContext context(Handle h) {
        return new StoreCorrelationContext(h, internalDomains);
    }

    /** The decision about {@code mail}, asking the store through {@code context}. */
    public Correlation correlate(InboundMail mail, CorrelationContext context) {
        return chain.correlate(mail, context);
    }
}
