package io.crmbridge.backend.exchange.sync;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Hands every push report to the sync runs waiting for them. */
final class RunListeners {

    private final CopyOnWriteArrayList<Consumer<PushReport>> listeners = new CopyOnWriteArrayList<>();

    void publish(PushReport report) {
        listeners.forEach(listener -> listener.accept(report));
    }

    void add(Consumer<PushReport> listener) {
        listeners.add(listener);
    }

    void remove(Consumer<PushReport> listener) {
        listeners.remove(listener);
    }
}
