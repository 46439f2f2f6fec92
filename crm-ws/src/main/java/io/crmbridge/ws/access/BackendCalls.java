package io.crmbridge.ws.access;

import io.crmbridge.backend.BackendException;
import java.util.function.Supplier;

/**
 * Runs an endpoint's call into the backend and turns a {@link BackendException} into the service's
 * declared fault with the same stable code. Each service has its own generated fault type, hence the
 * factory.
 */
public final class BackendCalls {

    /** Makes a service's declared fault from a code and a message. */
    @FunctionalInterface
    public interface Faults<F extends Exception> {
        F fault(String code, String message);
    }

    private BackendCalls() {
    }

    public static <T, F extends Exception> T call(Supplier<T> work, Faults<F> faults) throws F {
        try {
            return work.get();
        } catch (BackendException e) {
            throw faults.fault(e.code(), e.getMessage());
        }
    }
}
