package io.crmbridge.bench.agentmemory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmbridge.bench.BenchContext;
import io.crmbridge.bench.process.ChildJvm;
import io.crmbridge.bench.process.Ports;
import io.crmbridge.bench.process.ProductServer;
import io.crmbridge.bench.report.Figure;
import io.crmbridge.bench.report.Section;
import io.crmbridge.bench.report.Target;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measurement 3: the Inbox agent over a fake-domino mail file of N memos, fenced into 64 MB of heap (see
 * {@link AgentMemoryProbe}), sending through its own SOAP client to the CXF ceiling server (so the server costs
 * nothing worth mentioning and the run is about the agent): peak live heap, live handles at the end, and
 * whether the heap stays flat from ×1 to ×10.
 */
public final class AgentMemoryBench {
    private static final int BUDGET_MIB = 64;
    /** Heap per memo the fake needs (measured: about 25 KB with bodies of 2–20 KB), with room to spare. */
    private static final long FAKE_BYTES_PER_MEMO = 40 * 1024;

    private final BenchContext ctx;

    public AgentMemoryBench(BenchContext ctx) {
        this.ctx = ctx;
    }

    public void run() throws Exception {
        Section s = ctx.report().section("Agent memory: InboxRun over a fake-domino mail file in 64 MB");
        s.note("The fake mail file itself needs far more than 64 MB (its size is below), so the probe JVM "
                + "(-XX:+UseSerialGC, fixed heap, -Xmn16m, -XX:MarkSweepDeadRatio=0) builds it, then fills the old generation "
                + "with ballast until "
                + BUDGET_MIB + " MB are left for the agent, young generation included, as under -Xmx" + BUDGET_MIB + "m. "
                + "An agent needing more fails with OutOfMemoryError. Peak live heap: the highest heap use right after a "
                + "full collection during the run, minus what was live before it. It includes the fake's own processed-"
                + "document bookkeeping, so each round first measures a floor: a run over the same documents that only "
                + "walks them and marks each processed. The agent's own footprint is its peak minus the floor's.");
        s.note("The agent runs with its production transport (SoapMailClient, batches of 50, 2 threads) against the "
                + "CXF ceiling server in its own JVM; each round is a new agent name, so every memo is unprocessed again.");
        int port = Ports.free();
        List<String> args = new ArrayList<>(ChildJvm.benchClassPath());
        args.addAll(List.of("io.crmbridge.bench.ceiling.CeilingServer", "cxf", Integer.toString(port)));
        List<Double> peaks = new ArrayList<>();
        try (ChildJvm cxf = ChildJvm.start("cxf ceiling", ctx.serverFlags(), args, Map.of(), ctx.out(), ctx.log("agent-cxf"), null)) {
            URI url = URI.create("http://127.0.0.1:" + port + "/services/mail");
            Ports.awaitHttp(URI.create(url + "?wsdl"), cxf, Duration.ofSeconds(60));
            for (int scale : List.of(1, 10)) {
                int memos = ctx.options().agentMemos() * scale;
                peaks.add(measure(s, scale, memos, url));
            }
        }
        double growth = peaks.get(1) / peaks.get(0);
        s.note(String.format(Locale.ROOT, "The agent's own peak live heap at ×10 is %.2f× that at ×1 (1.00 = flat).", growth));
        if (growth > 1.25) {
            s.finding(String.format(Locale.ROOT, "The agent's heap is not flat: %.2f× the peak at 10× the documents.", growth));
        }
        ctx.report().target(new Target("Agent heap flat as the mail file grows (own peak ×10 ÷ own peak ×1 ≤ 1.25)",
                "agent.x10.ownPeakLive ÷ agent.x1.ownPeakLive", 1.25, false, growth));
    }

    private double measure(Section s, int scale, int memos, URI url) throws Exception {
        long heapMiB = (256L * 1024 * 1024 + memos * FAKE_BYTES_PER_MEMO) >> 20;
        // MarkSweepDeadRatio=0: a serial full collection otherwise leaves up to 5 % of the old generation's capacity as
        // "dead wood" (garbage overwritten with filler int[] instead of compacted away, every 4th full collection
        // excepted), and heap use after it counts that as in use. The fake makes the old generation 0.6 GB at ×1 and
        // 4 GB at ×10, so the allowance (31 MB against 207 MB) grew with the mail file and swamped the agent's few MB
        // of live heap; a real -Xmx64m JVM would allow 2.4 MB. With none, heap use after a full collection is live heap.
        List<String> flags = List.of("-XX:+UseSerialGC", "-Xms" + heapMiB + "m", "-Xmx" + heapMiB + "m", "-Xmn16m",
                "-XX:MarkSweepDeadRatio=0");
        List<String> args = new ArrayList<>(ChildJvm.benchClassPath());
        args.addAll(List.of(AgentMemoryProbe.class.getName(), Integer.toString(memos), Integer.toString(ctx.options().rounds()),
                url.toString(), ProductServer.USER, ProductServer.PASSWORD, Integer.toString(BUDGET_MIB)));
        String tag = "agent-x" + scale;
        Path stdout = ctx.log(tag + ".json");
        ctx.progress("agent memory ×" + scale + ": " + memos + " memos, probe heap " + heapMiB + " MiB");
        JsonNode result;
        try (ChildJvm probe = ChildJvm.start("agent probe", flags, args, Map.of(), ctx.out(), ctx.log(tag), stdout)) {
            int exit = probe.waitFor(Duration.ofMinutes(20));
            if (exit != 0) {
                throw new IllegalStateException("the agent probe exited " + exit + "; see " + probe.log());
            }
            result = new ObjectMapper().readTree(stdout.toFile());
        }
        List<Double> peak = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        List<Double> own = new ArrayList<>();
        List<Double> peakAny = new ArrayList<>();
        List<Double> rate = new ArrayList<>();
        List<Double> handles = new ArrayList<>();
        List<Double> retained = new ArrayList<>();
        int completed = 0;
        for (JsonNode r : result.get("rounds")) {
            peak.add(r.get("peakLiveMiB").asDouble(Double.NaN));
            floor.add(r.get("floorPeakLiveMiB").asDouble(Double.NaN));
            own.add(peak.get(peak.size() - 1) - floor.get(floor.size() - 1));
            peakAny.add(r.get("peakAfterAnyGcMiB").asDouble());
            rate.add(r.get("acknowledged").asDouble() / r.get("seconds").asDouble());
            handles.add(r.get("liveHandles").asDouble());
            retained.add(r.get("retainedAfterRunMiB").asDouble());
            if (r.get("acknowledged").asInt() == memos && r.get("errors").isEmpty()) {
                completed++;
            } else {
                s.finding(String.format(Locale.ROOT, "×%d: a round did not complete in %d MB: %d of %d acknowledged, errors %s",
                        scale, BUDGET_MIB, r.get("acknowledged").asInt(), memos, r.get("errors")));
            }
            if (r.get("fullGcs").asInt() == 0) {
                s.finding(String.format(Locale.ROOT, "×%d: a round ran without a full collection, so its peak live heap is the "
                        + "highest use after a young one, promoted garbage included (an upper bound): %.1f MiB", scale,
                        r.get("peakLiveMiB").asDouble()));
            }
            if (r.get("liveHandles").asInt() > 0) {
                s.finding("×" + scale + ": " + r.get("liveHandles").asInt() + " live handles after the run: " + r.get("liveHandleSample"));
            }
        }
        String x = "x" + scale;
        Figure p = s.figure("agent." + x + ".peakLive", String.format(Locale.ROOT, "Peak live heap of the run (×%d, %,d memos)", scale, memos),
                "MiB", peak);
        s.figure("agent." + x + ".floorPeakLive", "Floor: peak live heap of a run that only walks and marks the documents", "MiB", floor);
        Figure o = s.figure("agent." + x + ".ownPeakLive", "The agent's own: peak live heap minus the floor's", "MiB", own);
        s.figure("agent." + x + ".peakAfterAnyGc", "Peak heap after any collection (includes promoted garbage)", "MiB", peakAny);
        s.figure("agent." + x + ".retained", "Heap still in use after the run (two full collections)", "MiB", retained);
        s.figure("agent." + x + ".rate", "Documents read, submitted and marked", "docs/s", rate);
        Figure h = s.figure("agent." + x + ".liveHandles", "Live handles at the end", "handles", handles);
        s.ratio("agent." + x + ".peakLive/budget", "Peak live heap ÷ " + BUDGET_MIB + " MB (×" + scale + ")", peak,
                peak.stream().map(v -> (double) BUDGET_MIB).toList());
        s.note(String.format(Locale.ROOT, "×%d: the fake mail file takes %.0f MiB of heap (built in %.0f s); %.0f MiB left for the agent; "
                + "%d of %d rounds completed.", scale, result.get("fakeDatabaseMiB").asDouble(), result.get("buildSeconds").asDouble(),
                result.get("freeForAgentMiB").asDouble(), completed, peak.size()));
        if (scale == 10) {
            ctx.report().target(new Target(String.format(Locale.ROOT, "Agent completes %,d documents within -Xmx64m (rounds completed)", memos),
                    "agent.x10 rounds", peak.size(), true, completed));
            ctx.report().target(new Target("No live handle at the end", h.id(), 1, false, h.max()));
        }
        return o.median();
    }
}
