package io.crmbridge.bench.agentmemory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmbridge.agent.core.log.AgentLog;
import io.crmbridge.agent.domino.InboxRun;
import io.crmbridge.agent.domino.RunSummary;
import io.crmbridge.bench.stream.GeneratedMail;
import io.crmbridge.bench.stream.MailStream;
import io.crmbridge.fixtures.domino.AgentRun;
import io.crmbridge.fixtures.domino.FakeDomino;
import io.crmbridge.fixtures.domino.FakeSession;
import io.crmbridge.fixtures.domino.Memo;
import io.crmbridge.fixtures.domino.NotesMemoBuilder;
import io.crmbridge.fixtures.domino.Nsf;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The child JVM of measurement 3. Builds a fake-domino mail file of N memos (which needs far more than 64 MB
 * itself), then fences the agent into 64 MB: with the serial collector, a fixed heap, a 16 MB young
 * generation and no dead wood left by full collections ({@code -XX:MarkSweepDeadRatio=0}, so that heap use
 * after one is live heap, see {@link AgentMemoryBench}), it fills the old generation with ballast until
 * exactly {@code budget} MB minus the young generation is left free in it, so the agent runs with the same
 * 64 MB an {@code -Xmx64m} JVM has, whatever the fake holds. Runs the real {@link InboxRun} (production
 * transport: the SOAP client) once per round under a new agent name (so every memo is unprocessed again), and
 * prints one JSON object on standard output.
 *
 * <p>Arguments: memos rounds endpoint user password budgetMiB
 */
public final class AgentMemoryProbe {
    static final String MAILBOX = "jane.doe@acme.example";
    private static final long MIB = 1024 * 1024;
    /** Filler in the old generation that leaves the budget free; made again before every measured run. */
    private static final List<long[]> BALLAST = new ArrayList<>();

    private AgentMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        int memos = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        long budget = Long.parseLong(args[5]) * MIB;
        Map<String, Object> out = new LinkedHashMap<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> errors.add(e));

        long t0 = System.nanoTime();
        FakeDomino domino = new FakeDomino();
        Nsf mail = domino.createDatabase("mail/jdoe.nsf", "Jane Doe");
        MailStream stream = new MailStream(11, MailStream.recordIds(11, 200), MAILBOX);
        for (int i = 0; i < memos; i++) {
            build(stream.next(), i).build(mail);
        }
        domino.notesIni("CRMBRIDGE_URL", args[2]).notesIni("CRMBRIDGE_USER", args[3]).notesIni("CRMBRIDGE_PASSWORD", args[4]);
        mail.profile("CRMBridgeSettings").set("MailboxAddress", MAILBOX).set("TimeBudgetSeconds", "7200");
        out.put("buildSeconds", (System.nanoTime() - t0) / 1e9);

        long fakeHeap = liveHeap();
        out.put("fakeDatabaseMiB", fakeHeap / (double) MIB);
        refence(budget);
        long fenced = liveHeap();
        out.put("ballastMiB", (fenced - fakeHeap) / (double) MIB);
        out.put("freeForAgentMiB", (heapMax() - fenced) / (double) MIB);

        List<Map<String, Object>> results = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            Map<String, Object> round = new LinkedHashMap<>();
            refence(budget);
            round.put("floorPeakLiveMiB", floor(domino, mail, r));
            // the fake keeps what each run marked: fence again so that every run has the whole budget
            refence(budget);
            long before = liveHeap();
            FakeSession session = domino.agentSession(AgentRun.newMail("CRM Bridge Inbox " + r, mail));
            RunSummary summary;
            long start = System.nanoTime();
            try (HeapWatch watch = new HeapWatch()) {
                try {
                    summary = new InboxRun(session, AgentLog.to(System.err)).run();
                } catch (OutOfMemoryError e) {
                    errors.add(e);
                    summary = null;
                }
                round.put("seconds", (System.nanoTime() - start) / 1e9);
                // without a full collection during the run, the highest use after a young one is the (upper) bound
                long peak = watch.maxAfterFullGc() >= 0 ? watch.maxAfterFullGc() : watch.maxAfterAnyGc();
                round.put("peakLiveMiB", (peak - before) / (double) MIB);
                round.put("peakAfterAnyGcMiB", (watch.maxAfterAnyGc() - before) / (double) MIB);
                round.put("fullGcs", watch.fullGcs());
                round.put("youngGcs", watch.youngGcs());
            }
            round.put("acknowledged", summary == null ? -1 : summary.acknowledged());
            round.put("read", summary == null ? -1 : summary.read());
            round.put("liveHandles", session.liveHandles());
            if (session.liveHandles() > 0) {
                round.put("liveHandleSample", session.liveHandleDescriptions().stream().limit(5).toList());
            }
            round.put("retainedAfterRunMiB", (liveHeap() - before) / (double) MIB);
            round.put("errors", errors.stream().map(Throwable::toString).distinct().limit(5).toList());
            errors.clear();
            results.add(round);
        }
        out.put("rounds", results);
        new ObjectMapper().writeValue(System.out, out);
        System.out.flush();
        System.exit(0);
    }

    /**
     * The fake's own share: a run that only walks the unprocessed documents and marks each processed, measured
     * like the agent. What the fake keeps per document during a run (its processed-document records, its handle
     * bookkeeping) shows here as well, so the agent's own footprint is its peak minus this one.
     */
    private static double floor(FakeDomino domino, Nsf mail, int round) throws Exception {
        long before = liveHeap();
        FakeSession session = domino.agentSession(AgentRun.newMail("Floor " + round, mail));
        try (HeapWatch watch = new HeapWatch()) {
            lotus.domino.AgentContext context = session.getAgentContext();
            lotus.domino.DocumentCollection docs = context.getUnprocessedDocuments();
            lotus.domino.Document doc = docs.getFirstDocument();
            while (doc != null) {
                doc.getUniversalID();
                context.updateProcessedDoc(doc);
                lotus.domino.Document next = docs.getNextDocument(doc);
                doc.recycle();
                doc = next;
            }
            docs.recycle();
            long peak = watch.maxAfterFullGc() >= 0 ? watch.maxAfterFullGc() : watch.maxAfterAnyGc();
            return (Math.max(peak, liveHeap()) - before) / (double) MIB;
        }
    }

    private static io.crmbridge.fixtures.domino.MemoBuilder<?> build(GeneratedMail g, int i) {
        if (i % 2 == 0) {
            var b = Memo.internet().from(g.fromName() + " <" + g.from() + ">").to(g.to().toArray(String[]::new))
                    .subject(g.subject()).messageId(g.messageId()).body(g.body()).plainTextOnly()
                    .postedAt(g.postedAt()).deliveredAt(g.deliveredAt()).inInbox();
            return g.inReplyTo().isEmpty() ? b : b.inReplyTo(g.inReplyTo());
        }
        NotesMemoBuilder b = Memo.notes().from("CN=" + g.fromName() + "/O=Customer", g.from());
        for (String to : g.to()) {
            b.toPerson("CN=" + to.substring(0, to.indexOf('@')) + "/O=Acme", to);
        }
        b.subject(g.subject()).messageId(g.messageId()).body(g.body()).postedAt(g.postedAt()).deliveredAt(g.deliveredAt()).inInbox();
        return g.inReplyTo().isEmpty() ? b : b.inReplyTo(g.inReplyTo());
    }

    /**
     * Fills the old generation until {@code budget} minus the young generation is free in it: the agent then
     * has {@code budget} in all, young and old together, as under {@code -Xmx<budget>}.
     */
    private static void refence(long budget) {
        BALLAST.clear();
        liveHeap();
        BALLAST.addAll(fence(budget));
    }

    private static List<long[]> fence(long budget) {
        MemoryPoolMXBean old = pool("Tenured Gen");
        long young = heapMax() - old.getUsage().getMax();
        long target = old.getUsage().getMax() - (budget - young);
        List<long[]> ballast = new ArrayList<>();
        liveHeap();
        long chunk = 32 * MIB; // larger than the young generation: allocated straight in the old one
        while (old.getUsage().getUsed() + chunk <= target) {
            ballast.add(new long[(int) (chunk / 8)]);
        }
        long rest = target - old.getUsage().getUsed();
        if (rest > young) {
            ballast.add(new long[(int) (rest / 8)]);
        }
        liveHeap();
        return ballast;
    }

    private static MemoryPoolMXBean pool(String name) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("run with -XX:+UseSerialGC: no pool " + name));
    }

    private static long heapMax() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    /** Heap in use after two full collections. */
    private static long liveHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
