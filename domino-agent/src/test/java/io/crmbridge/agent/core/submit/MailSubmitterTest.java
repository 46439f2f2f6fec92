package io.crmbridge.agent.core.submit;

import static io.crmbridge.agent.testing.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmbridge.agent.testing.CapturingLog;
import io.crmbridge.agent.testing.FakeTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class MailSubmitterTest {
    private final CapturingLog log = new CapturingLog();

    private static List<String> refs(int count) {
        List<String> refs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            refs.add("m" + i);
        }
        return refs;
    }

    @Test
    void cutsBatchesByCountAndAnswersEveryMessage() {
        FakeTransport transport = FakeTransport.accepting();
        SubmissionReport report;
        try (MailSubmitter s = new MailSubmitter(transport, SubmitterSettings.defaults(), log)) {
            for (String ref : refs(120)) {
                assertThat(s.submit(message(ref))).isTrue();
            }
            report = s.finish();
        }

        assertThat(transport.batches()).extracting(List::size).containsExactlyInAnyOrder(50, 50, 20);
        assertThat(report.receipts()).extracting(Receipt::clientRef).containsExactlyInAnyOrderElementsOf(refs(120));
        assertThat(report.acknowledgedCount()).isEqualTo(120);
        assertThat(report.unacknowledged()).isEmpty();
        assertThat(report.failure()).isEmpty();
    }

    @Test
    void cutsBatchesByEstimatedBytes() {
        FakeTransport transport = FakeTransport.accepting();
        String body = "x".repeat(40_000);
        long one = MessageSize.estimate(message("m1", body));
        SubmitterSettings settings = SubmitterSettings.defaults().withMaxBatchBytes(3 * one + one / 2);
        try (MailSubmitter s = new MailSubmitter(transport, settings, log)) {
            for (String ref : refs(10)) {
                s.submit(message(ref, body));
            }
            s.finish();
        }

        assertThat(transport.batches()).extracting(List::size).containsExactlyInAnyOrder(3, 3, 3, 1);
    }

    @Test
    void aMessageLargerThanTheByteLimitTravelsAlone() {
        FakeTransport transport = FakeTransport.accepting();
        SubmitterSettings settings = SubmitterSettings.defaults().withMaxBatchBytes(10_000).withThreads(1);
        SubmissionReport report;
        try (MailSubmitter s = new MailSubmitter(transport, settings, log)) {
            s.submit(message("small1"));
            s.submit(message("huge", "y".repeat(50_000)));
            s.submit(message("small2"));
            report = s.finish();
        }

        assertThat(transport.batches()).extracting(b -> b.get(0).clientRef() + "/" + b.size())
                .containsExactly("small1/1", "huge/1", "small2/1");
        assertThat(report.acknowledgedCount()).isEqualTo(3);
    }

    @Test
    void estimatesUtf8Bytes() {
        long ascii = MessageSize.text("aaaa");
        assertThat(MessageSize.text("ääää") - ascii).isEqualTo(4);
        assertThat(MessageSize.text("東東東東") - ascii).isEqualTo(8);
        assertThat(MessageSize.text("\uD83D\uDE00") - MessageSize.text("aa")).isEqualTo(2);
    }

    @Test
    void sendsBatchesInParallelWhileTheCallerKeepsReading() {
        CyclicBarrier bothInFlight = new CyclicBarrier(2);
        FakeTransport transport = FakeTransport.accepting().withHook((n, b) -> bothInFlight.await(5, TimeUnit.SECONDS));
        SubmissionReport report;
        try (MailSubmitter s = new MailSubmitter(transport, SubmitterSettings.defaults().withBatchSize(2), log)) {
            for (String ref : refs(4)) {
                s.submit(message(ref));
            }
            report = s.finish();
        }

        assertThat(report.failure()).as("two batches met at the barrier, so they ran at once").isEmpty();
        assertThat(report.acknowledgedCount()).isEqualTo(4);
    }

    @Test
    void blocksTheCallerWhenThePoolAndQueueAreFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeTransport transport = FakeTransport.accepting().withHook((n, b) -> release.await(10, TimeUnit.SECONDS));
        SubmitterSettings settings = SubmitterSettings.defaults().withBatchSize(1).withThreads(1).withQueuedBatches(1);
        AtomicReference<SubmissionReport> report = new AtomicReference<>();
        AtomicBoolean thirdSubmitted = new AtomicBoolean();
        try (MailSubmitter s = new MailSubmitter(transport, settings, log)) {
            Thread reader = new Thread(() -> {
                s.submit(message("m1")); // running
                s.submit(message("m2")); // queued
                s.submit(message("m3")); // must wait for a free slot
                thirdSubmitted.set(true);
                report.set(s.finish());
            });
            reader.start();
            awaitState(reader, Thread.State.WAITING);
            assertThat(thirdSubmitted).isFalse();

            release.countDown();
            reader.join(10_000);
        }
        assertThat(thirdSubmitted).isTrue();
        assertThat(report.get().acknowledgedCount()).isEqualTo(3);
    }

    @Test
    void stopsAfterATransportFailureAndKeepsWhatWasAcknowledged() {
        FakeTransport transport = FakeTransport.accepting().failingFrom(2, "UNREACHABLE");
        SubmitterSettings settings = SubmitterSettings.defaults().withBatchSize(10).withThreads(1).withQueuedBatches(0);
        List<Boolean> answers = new ArrayList<>();
        SubmissionReport report;
        try (MailSubmitter s = new MailSubmitter(transport, settings, log)) {
            for (String ref : refs(40)) {
                answers.add(s.submit(message(ref)));
            }
            report = s.finish();
        }

        assertThat(answers.subList(0, 10)).containsOnly(true);
        assertThat(answers).contains(false);
        assertThat(transport.calls()).as("nothing is sent after the failing batch").isEqualTo(2);
        assertThat(report.failure()).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("UNREACHABLE"));
        assertThat(report.receipts()).extracting(Receipt::clientRef).containsExactlyElementsOf(refs(10));
        assertThat(report.unacknowledged()).containsExactlyElementsOf(refs(40).subList(10, 40));
    }

    @Test
    void aFailureWhileBatchesWaitLeavesThemUnsent() {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeTransport transport = FakeTransport.accepting().failingFrom(1, "TIMEOUT").withHook((n, b) -> {
            firstStarted.countDown();
            release.await(10, TimeUnit.SECONDS);
        });
        SubmitterSettings settings = SubmitterSettings.defaults().withBatchSize(1).withThreads(1).withQueuedBatches(3);
        SubmissionReport report;
        try (MailSubmitter s = new MailSubmitter(transport, settings, log)) {
            for (String ref : refs(3)) {
                s.submit(message(ref));
            }
            release.countDown();
            report = s.finish();
        }

        assertThat(transport.calls()).isEqualTo(1);
        assertThat(report.receipts()).isEmpty();
        assertThat(report.unacknowledged()).containsExactly("m1", "m2", "m3");
        assertThat(report.failure().get().code()).isEqualTo("TIMEOUT");
    }

    @Test
    void rejectedMessagesHaveReceiptsAndAreNotAcknowledged() {
        FakeTransport transport = FakeTransport.accepting().rejecting("m2");
        SubmissionReport report;
        try (MailSubmitter s = new MailSubmitter(transport, SubmitterSettings.defaults(), log)) {
            for (String ref : refs(3)) {
                s.submit(message(ref));
            }
            report = s.finish();
        }

        assertThat(report.acknowledgedCount()).isEqualTo(2);
        assertThat(report.rejectedCount()).isEqualTo(1);
        assertThat(report.receipts()).filteredOn(r -> !r.isAcknowledged()).extracting(Receipt::clientRef, Receipt::faultCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("m2", "INVALID_MESSAGE"));
        assertThat(report.unacknowledged()).isEmpty();
    }

    @Test
    void ignoresReceiptsForMessagesNotInTheBatchAndListsTheMissingOnes() {
        MailTransport odd = batch -> List.of(
                new Receipt("m1", Receipt.Status.ACCEPTED, "r1", "", ""),
                new Receipt("m1", Receipt.Status.ACCEPTED, "r1", "", ""),
                new Receipt("stranger", Receipt.Status.ACCEPTED, "r9", "", ""));
        SubmissionReport report;
        try (MailSubmitter s = new MailSubmitter(odd, SubmitterSettings.defaults(), log)) {
            s.submit(message("m1"));
            s.submit(message("m2"));
            report = s.finish();
        }

        assertThat(report.receipts()).extracting(Receipt::clientRef).containsExactly("m1");
        assertThat(report.unacknowledged()).containsExactly("m2");
        assertThat(log.text()).contains("ignored 2 receipt(s)");
    }

    @Test
    void aBugInTheTransportStopsSendingInsteadOfHanging() {
        MailTransport broken = batch -> {
            throw new IllegalStateException("bug");
        };
        SubmissionReport report;
        try (MailSubmitter s = new MailSubmitter(broken, SubmitterSettings.defaults().withBatchSize(1), log)) {
            s.submit(message("m1"));
            report = s.finish();
        }

        assertThat(report.failure().get().code()).isEqualTo("CLIENT_ERROR");
        assertThat(report.unacknowledged()).containsExactly("m1");
    }

    @Test
    void answersTakenWhileSubmittingAreNotReportedAgain() throws Exception {
        FakeTransport transport = FakeTransport.accepting();
        List<Receipt> taken = new ArrayList<>();
        SubmissionReport report;
        try (MailSubmitter s = new MailSubmitter(transport, SubmitterSettings.defaults().withBatchSize(10), log)) {
            for (String ref : refs(30)) {
                s.submit(message(ref));
            }
            while (taken.size() < 30) {
                taken.addAll(s.takeAnswered());
                Thread.sleep(1);
            }
            s.submit(message("m31"));
            report = s.finish();
        }

        assertThat(taken).extracting(Receipt::clientRef).containsExactlyInAnyOrderElementsOf(refs(30));
        assertThat(report.receipts()).extracting(Receipt::clientRef).containsExactly("m31");
        assertThat(report.unacknowledged()).isEmpty();
    }

    @Test
    void finishingTwiceReportsTheSameAndSubmittingAfterwardsIsAnError() {
        try (MailSubmitter s = new MailSubmitter(FakeTransport.accepting(), SubmitterSettings.defaults(), log)) {
            s.submit(message("m1"));
            SubmissionReport first = s.finish();
            assertThat(s.finish().receipts()).isEqualTo(first.receipts());
            assertThatThrownBy(() -> s.submit(message("m2"))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anEmptyRunSendsNothing() {
        FakeTransport transport = FakeTransport.accepting();
        try (MailSubmitter s = new MailSubmitter(transport, SubmitterSettings.defaults(), log)) {
            assertThat(s.finish().receipts()).isEmpty();
        }
        assertThat(transport.calls()).isZero();
    }

    @Test
    void poolThreadsNeverKeepTheJvmAlive() throws Exception {
        AtomicBoolean daemon = new AtomicBoolean();
        MailTransport probe = batch -> {
            daemon.set(Thread.currentThread().isDaemon());
            return List.of();
        };
        try (MailSubmitter s = new MailSubmitter(probe, SubmitterSettings.defaults(), log)) {
            s.submit(message("m1"));
            s.finish();
        }
        assertThat(daemon).isTrue();
    }

    @Test
    void settingsRefuseNonsense() {
        assertThatThrownBy(() -> SubmitterSettings.defaults().withBatchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubmitterSettings.defaults().withMaxBatchBytes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubmitterSettings.defaults().withThreads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubmitterSettings.defaults().withQueuedBatches(-1)).isInstanceOf(IllegalArgumentException.class);
        SubmitterSettings d = SubmitterSettings.defaults();
        assertThat(List.of(d.batchSize(), d.threads())).containsExactly(50, 2);
        assertThat(d.maxBatchBytes()).isEqualTo(2L * 1024 * 1024);
    }

    private static void awaitState(Thread t, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != state && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(t.getState()).isEqualTo(state);
    }

}
