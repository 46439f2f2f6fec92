package io.crmbridge.bench.agentmemory;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap through the collector's own reports: after every collection, how much is still in use.
 * After a full collection that is what is live; after a young one it also holds garbage already promoted.
 */
final class HeapWatch implements AutoCloseable {
    private final List<Runnable> unregister = new ArrayList<>();
    private volatile long maxAfterFullGc = -1;
    private volatile long maxAfterAnyGc = -1;
    private volatile int fullGcs;
    private volatile int youngGcs;

    HeapWatch() {
        NotificationListener listener = (notification, handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = 0;
            for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (isHeap(pool.getKey())) {
                    used += pool.getValue().getUsed();
                }
            }
            synchronized (this) {
                if (info.getGcAction().contains("major")) {
                    fullGcs++;
                    maxAfterFullGc = Math.max(maxAfterFullGc, used);
                } else {
                    youngGcs++;
                }
                maxAfterAnyGc = Math.max(maxAfterAnyGc, used);
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            NotificationEmitter emitter = (NotificationEmitter) gc;
            emitter.addNotificationListener(listener, null, null);
            unregister.add(() -> {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException e) {
                    // gone already
                }
            });
        }
    }

    private static boolean isHeap(String pool) {
        return !pool.contains("Metaspace") && !pool.contains("Code") && !pool.contains("Compressed Class");
    }

    /** Highest heap use seen right after a full collection, or -1 when none ran. */
    long maxAfterFullGc() {
        return maxAfterFullGc;
    }

    long maxAfterAnyGc() {
        return maxAfterAnyGc;
    }

    int fullGcs() {
        return fullGcs;
    }

    int youngGcs() {
        return youngGcs;
    }

    @Override
    public void close() {
        unregister.forEach(Runnable::run);
    }
}
