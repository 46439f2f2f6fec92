package io.crmbridge.bench.ingest;

import io.crmbridge.agent.core.log.AgentLog;
import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.core.submit.MailSubmitter;
import io.crmbridge.agent.core.submit.MailTransport;
import io.crmbridge.agent.core.submit.SubmissionReport;
import io.crmbridge.agent.core.submit.SubmitterSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;

/**
 * Several agents at once, each a {@link MailSubmitter} of its own (its own batching, pool and transport) fed
 * from its own thread, as several Domino servers would: starts them together and times until the last answer.
 */
final class Fleet {

    /** What one run of the fleet achieved. */
    record Result(double seconds, long acknowledged, long rejected, long unacknowledged, long[] batchNanos, String failure) {
        double acknowledgedPerSecond() {
            return acknowledged / seconds;
        }

        double percentileMillis(double p) {
            if (batchNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = batchNanos.clone();
            Arrays.sort(sorted);
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }
    }

    private Fleet() {
    }

    static Result run(List<List<MailMessage>> agents, IntFunction<MailTransport> transports, SubmitterSettings settings)
            throws InterruptedException {
        Queue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<SubmissionReport> reports = java.util.Collections.synchronizedList(new ArrayList<>());
        StringBuilder failures = new StringBuilder();
        CountDownLatch ready = new CountDownLatch(agents.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int a = 0; a < agents.size(); a++) {
            List<MailMessage> messages = agents.get(a);
            MailTransport transport = new TimedTransport(transports.apply(a), latencies);
            Thread t = new Thread(() -> {
                MailSubmitter submitter = new MailSubmitter(transport, settings, new QuietLog(failures));
                ready.countDown();
                try {
                    go.await();
                    for (MailMessage m : messages) {
                        if (!submitter.submit(m)) {
                            break;
                        }
                    }
                    reports.add(submitter.finish());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    submitter.close();
                }
            }, "bench-agent-" + a);
            threads.add(t);
            t.start();
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long acked = 0;
        long rejected = 0;
        long open = 0;
        for (SubmissionReport r : reports) {
            acked += r.acknowledgedCount();
            rejected += r.rejectedCount();
            open += r.unacknowledged().size();
            r.failure().ifPresent(f -> {
                synchronized (failures) {
                    failures.append(f.code()).append(": ").append(f.getMessage()).append("; ");
                }
            });
        }
        return new Result(seconds, acked, rejected, open, latencies.stream().mapToLong(Long::longValue).toArray(),
                failures.toString());
    }

    /** Keeps warnings (they explain a failed run), drops the rest. */
    private static final class QuietLog extends AgentLog {
        private final StringBuilder sink;

        QuietLog(StringBuilder sink) {
            this.sink = sink;
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
            synchronized (sink) {
                if (sink.length() < 2000) {
                    sink.append(message).append("; ");
                }
            }
        }

        @Override
        public void error(String message, Throwable cause) {
            warn(message + (cause == null ? "" : ": " + cause));
        }
    }
}
