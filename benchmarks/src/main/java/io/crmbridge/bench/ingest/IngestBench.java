package io.crmbridge.bench.ingest;

import io.crmbridge.agent.core.mail.MailMessage;
import io.crmbridge.agent.core.soap.SoapClientSettings;
import io.crmbridge.agent.core.soap.SoapMailClient;
import io.crmbridge.agent.core.submit.MailTransport;
import io.crmbridge.agent.core.submit.SubmitterSettings;
import io.crmbridge.bench.BenchContext;
import io.crmbridge.bench.process.ChildJvm;
import io.crmbridge.bench.process.Ports;
import io.crmbridge.bench.process.ProductServer;
import io.crmbridge.bench.report.Figure;
import io.crmbridge.bench.report.Section;
import io.crmbridge.bench.report.Target;
import io.crmbridge.bench.stream.MailStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Measurement 1: the agent's submitter sending batches of 50 from several agents at once to the product's
 * server (its own JVM, embedded H2, durable commits), and in the same round the same batches to the two
 * ceilings: a CXF endpoint on the same contract that only parses, and the same bytes to a bare HTTP echo.
 * Rounds interleave the three targets so that the machine's noise falls on all of them alike.
 */
public final class IngestBench {
    private static final long SEED = 42;
    private static final int WARM_UP_PER_AGENT = 500;
    /*
     * Every server takes mail in steps of JIT_WARM_UP_STEP messages, right after it starts and before anything is
     * measured, until its JIT compiler used at most SETTLED_COMPILER_SHARE of its CPU over a step (or after
     * MAX_JIT_WARM_UP_STEPS): a server that runs for days is measured at its steady state, not in its first minute.
     * On this 2-core machine the product's compiler still took about a third of its CPU after 20,000 messages and
     * settled after 60,000-80,000 (the product holds far more code on the hot path than the CXF ceiling).
     */
    private static final int JIT_WARM_UP_STEP = 10_000;
    private static final int MAX_JIT_WARM_UP_STEPS = 10;
    private static final double SETTLED_COMPILER_SHARE = 0.10;

    private final BenchContext ctx;
    private final List<UUID> records = MailStream.recordIds(SEED, 200);
    private final SubmitterSettings settings = SubmitterSettings.defaults();
    /** The first JIT warm-up step, one stream per agent (the ceilings take it again at every step). */
    private List<List<MailMessage>> jitWarmUp = List.of();

    public IngestBench(BenchContext ctx) {
        this.ctx = ctx;
    }

    /** One round's figures for one size: per number of agents sending at once. */
    private record Round(Map<Integer, Fleet.Result> product, Map<Integer, Double> recordedPerSecond, Map<Integer, Drain> drains,
            Map<Integer, Double> compilerShare, double serverRssMiB, Map<Integer, Fleet.Result> cxf, Map<Integer, Fleet.Result> echo,
            Map<String, WarmUp> warmUps) {
    }

    /** How much a server took before it was measured, and its compiler's share of its CPU over the last step. */
    private record WarmUp(int messages, double compilerShare) {
    }

    /** What a warm-up step waits for after the last answer (the product: its queue recorded). */
    private interface AfterStep {
        void await() throws Exception;
    }

    /** Where recording stood at the last answer: how many were still queued, and how fast those went after it. */
    private record Drain(long queuedAtLastAnswer, double perSecondAfter) {
    }

    public void run() throws Exception {
        Section section = ctx.report().section("Ingest: agents → SOAP → durable H2, against the CXF and HTTP ceilings");
        int agents = ctx.options().agents();
        List<Integer> sweep = sweep(agents);
        section.note("Each agent is a MailSubmitter of its own (" + settings + ") with the agent's SoapMailClient "
                + "(HttpURLConnection, gzip above 8 KiB), fed from its own thread. At ×1 the number of agents sending at once "
                + "is swept over " + sweep + " to find the throughput peak (the targets are judged there); ×10 runs "
                + agents + " agents. Each server runs in its own JVM, as in production (client and server share the 2 cores, "
                + "not a heap or a GC), started fresh per round, warmed with steps of " + JIT_WARM_UP_STEP + " messages from " + agents
                + " agents until its JIT compiler took at most " + Math.round(100 * SETTLED_COMPILER_SHARE) + " % of its CPU over a step "
                + "(at most " + MAX_JIT_WARM_UP_STEPS + " steps; the JIT's steady state, each server alike), "
                + "and before each measurement with " + WARM_UP_PER_AGENT + " messages per agent.");
        section.note("Product: `crm-bridge serve` on a fresh embedded H2, each batch committed, flushed and fsync'ed before it "
                + "is answered (Database.syncToDisk: an acknowledged batch survives kill -9, see KilledServerTest), 2 recording workers. "
                + "CXF ceiling: the same WSDL, generated types, CXF servlet, GZIP feature and Jetty, with an endpoint that "
                + "answers ACCEPTED without doing anything (no authentication either). HTTP ceiling: the captured request "
                + "bytes (gzip as on the wire) POSTed with the same JDK client to a servlet that echoes them.");
        section.note("Acknowledged/s: messages with an ACCEPTED/DUPLICATE receipt ÷ time from the first submit to the "
                + "last answer. Recorded/s: the same messages ÷ time until GET /health shows nothing queued. "
                + "Latency: each SubmitMail call of 50 messages, serialisation and gzip on the client included.");
        List<Double> perMessageCost = new ArrayList<>();
        jitWarmUp = AgentMessages.forAgents(agents, JIT_WARM_UP_STEP / agents, SEED + 7_777, records);
        for (int scale : List.of(1, 10)) {
            List<Integer> counts = scale == 1 ? sweep : List.of(agents);
            Map<Integer, List<List<MailMessage>>> streams = new java.util.TreeMap<>();
            Map<Integer, List<List<MailMessage>>> warm = new java.util.TreeMap<>();
            Map<String, WireCapture.Request> wire = new java.util.HashMap<>(
                    WireCapture.capture(jitWarmUp, settings, ProductServer.USER, ProductServer.PASSWORD));
            for (int c : counts) {
                int perAgent = Math.max(1, ctx.options().ingestMessages() * scale / c);
                ctx.progress("ingest ×" + scale + ": generating " + perAgent * c + " messages for " + c + " agents");
                streams.put(c, AgentMessages.forAgents(c, perAgent, SEED + 10L * scale + c, records));
                warm.put(c, AgentMessages.forAgents(c, WARM_UP_PER_AGENT / c, SEED + 100L * scale + c, records));
                wire.putAll(WireCapture.capture(streams.get(c), settings, ProductServer.USER, ProductServer.PASSWORD));
                wire.putAll(WireCapture.capture(warm.get(c), settings, ProductServer.USER, ProductServer.PASSWORD));
            }
            List<Round> rounds = new ArrayList<>();
            for (int r = 1; r <= ctx.options().rounds(); r++) {
                rounds.add(round(scale, r, streams, warm, wire));
            }
            streams.clear();
            int peak = report(section, scale, counts, rounds);
            perMessageCost.add(1 / median(rounds.stream().map(x -> x.product().get(agents).acknowledgedPerSecond()).toList()));
            if (scale == 1) {
                section.note("Throughput peak at ×1: " + peak + " agents at once (the targets are judged there).");
            }
        }
        double growth = perMessageCost.get(1) / perMessageCost.get(0);
        section.note(String.format(java.util.Locale.ROOT, "Scaling: time per acknowledged message at ×10 is %.2f× that at ×1 "
                + "(%d agents; 1.00 = linear: the 10× larger database costs nothing extra per message).", growth, agents));
        if (growth > 1.25) {
            section.finding(String.format(java.util.Locale.ROOT, "Ingest grows worse than linearly: each message costs %.2f× "
                    + "as much at ×10 as at ×1.", growth));
        }
    }

    private static List<Integer> sweep(int agents) {
        List<Integer> out = new ArrayList<>();
        for (int c = 1; c < agents; c *= 2) {
            out.add(c);
        }
        out.add(agents);
        return out;
    }

    private Round round(int scale, int round, Map<Integer, List<List<MailMessage>>> streams,
            Map<Integer, List<List<MailMessage>>> warm, Map<String, WireCapture.Request> wire) throws Exception {
        String tag = "ingest-x" + scale + "-r" + round;
        Map<Integer, Fleet.Result> product = new java.util.TreeMap<>();
        Map<Integer, Double> recorded = new java.util.TreeMap<>();
        Map<Integer, Drain> drains = new java.util.TreeMap<>();
        Map<Integer, Double> compilerShare = new java.util.TreeMap<>();
        Map<String, WarmUp> warmUps = new java.util.TreeMap<>();
        double rss;
        Path data = ctx.scratch(tag + "-h2");
        ProductServer.prepare(data, records);
        try (ProductServer server = ProductServer.start(ctx.distribution(), data, ctx.scratch(tag + "-cwd"), ctx.serverFlags(),
                ctx.log(tag + "-product"))) {
            IntFunction<MailTransport> soap = a -> soapClient(server.mailUrl());
            warmUps.put("product", warmUp("product", server.jvm(), soap, true, () -> server.awaitDrained(Duration.ofMinutes(10))));
            for (int c : streams.keySet()) {
                check(Fleet.run(warm.get(c), soap, settings), "product warm-up");
                server.awaitDrained(Duration.ofMinutes(5));
                ChildJvm.CpuTime before = server.jvm().cpuTime();
                long start = System.nanoTime();
                Fleet.Result result = check(Fleet.run(streams.get(c), soap, settings), "product");
                long lastAnswer = System.nanoTime();
                long queued = server.queued();
                long drained = server.awaitDrained(Duration.ofMinutes(10));
                compilerShare.put(c, server.jvm().cpuTime().compilerShareSince(before));
                product.put(c, result);
                recorded.put(c, result.acknowledged() / ((drained - start) / 1e9));
                drains.put(c, new Drain(queued, queued / Math.max(1e-3, (drained - lastAnswer) / 1e9)));
            }
            rss = server.jvm().peakRssKiB() / 1024.0;
        }
        BenchContext.deleteTree(data);
        Map<Integer, Fleet.Result> cxf = ceiling("cxf", tag, port -> URI.create("http://127.0.0.1:" + port + "/services/mail"),
                url -> a -> soapClient(url), warm, streams, warmUps);
        Map<Integer, Fleet.Result> echo = ceiling("echo", tag, port -> URI.create("http://127.0.0.1:" + port + "/echo"),
                url -> a -> new EchoTransport(toUrl(url), wire), warm, streams, warmUps);
        for (int c : streams.keySet()) {
            ctx.progress(String.format(java.util.Locale.ROOT, "%s, %d agents: product %.0f msg/s acked (p99 %.0f ms), %.0f recorded; "
                    + "cxf %.0f (p99 %.0f ms); echo %.0f", tag, c, product.get(c).acknowledgedPerSecond(), product.get(c).percentileMillis(99),
                    recorded.get(c), cxf.get(c).acknowledgedPerSecond(), cxf.get(c).percentileMillis(99), echo.get(c).acknowledgedPerSecond()));
        }
        return new Round(product, recorded, drains, compilerShare, rss, cxf, echo, warmUps);
    }

    private Map<Integer, Fleet.Result> ceiling(String mode, String tag, java.util.function.IntFunction<URI> url,
            java.util.function.Function<URI, IntFunction<MailTransport>> transports, Map<Integer, List<List<MailMessage>>> warm,
            Map<Integer, List<List<MailMessage>>> streams, Map<String, WarmUp> warmUps) throws Exception {
        int port = Ports.free();
        List<String> args = new ArrayList<>(ChildJvm.benchClassPath());
        args.add("io.crmbridge.bench.ceiling.CeilingServer");
        args.add(mode);
        args.add(Integer.toString(port));
        Map<Integer, Fleet.Result> out = new java.util.TreeMap<>();
        try (ChildJvm jvm = ChildJvm.start(mode + " ceiling", ctx.serverFlags(), args, Map.of(), ctx.out(), ctx.log(tag + "-" + mode), null)) {
            URI ready = mode.equals("cxf") ? URI.create(url.apply(port) + "?wsdl") : url.apply(port);
            Ports.awaitHttp(ready, jvm, Duration.ofSeconds(60));
            IntFunction<MailTransport> t = transports.apply(url.apply(port));
            warmUps.put(mode, warmUp(mode, jvm, t, false, () -> { }));
            for (int c : streams.keySet()) {
                check(Fleet.run(warm.get(c), t, settings), mode + " warm-up");
                out.put(c, check(Fleet.run(streams.get(c), t, settings), mode));
            }
        }
        return out;
    }

    /**
     * Sends JIT warm-up steps to a fresh server until its compiler has settled (see JIT_WARM_UP_STEP): new mail each
     * step when it {@code keepsMail} (else the product would only answer DUPLICATE), the first step again to a ceiling
     * (the echo ceiling replays bytes captured for it).
     */
    private WarmUp warmUp(String what, ChildJvm jvm, IntFunction<MailTransport> transports, boolean keepsMail, AfterStep afterStep)
            throws Exception {
        int sent = 0;
        double share = 1;
        for (int step = 0; step < MAX_JIT_WARM_UP_STEPS && share > SETTLED_COMPILER_SHARE; step++) {
            List<List<MailMessage>> messages = step == 0 || !keepsMail ? jitWarmUp
                    : AgentMessages.forAgents(ctx.options().agents(), JIT_WARM_UP_STEP / ctx.options().agents(), SEED + 7_777 + step, records);
            ChildJvm.CpuTime before = jvm.cpuTime();
            sent += check(Fleet.run(messages, transports, settings), what + " JIT warm-up").acknowledged();
            afterStep.await();
            share = jvm.cpuTime().compilerShareSince(before);
        }
        ctx.progress(String.format(java.util.Locale.ROOT, "%s: warmed with %,d messages; the JIT compiler took %.0f %% of its CPU "
                + "over the last %,d", what, sent, 100 * share, JIT_WARM_UP_STEP));
        return new WarmUp(sent, share);
    }

    /** Puts one size's figures in the report; answers the number of agents at which the product peaked. */
    private int report(Section s, int scale, List<Integer> counts, List<Round> rounds) {
        int peak = counts.get(0);
        double best = -1;
        for (int c : counts) {
            double m = median(rounds.stream().map(r -> r.product().get(c).acknowledgedPerSecond()).toList());
            if (m > best) {
                best = m;
                peak = c;
            }
        }
        for (int c : counts) {
            String x = "x" + scale + ".a" + c;
            List<Double> acked = rounds.stream().map(r -> r.product().get(c).acknowledgedPerSecond()).toList();
            List<Double> recorded = rounds.stream().map(r -> r.recordedPerSecond().get(c)).toList();
            List<Double> cxf = rounds.stream().map(r -> r.cxf().get(c).acknowledgedPerSecond()).toList();
            List<Double> echo = rounds.stream().map(r -> r.echo().get(c).acknowledgedPerSecond()).toList();
            String n = String.format(java.util.Locale.ROOT, " (×%d, %d agents, %,d msgs)", scale, c, rounds.get(0).product().get(c).acknowledged());
            s.figure("ingest." + x + ".product.acknowledged", "Product: acknowledged (durable)" + n, "msgs/s", acked);
            s.figure("ingest." + x + ".product.recorded", "Product: fully recorded" + n, "msgs/s", recorded);
            s.figure("ingest." + x + ".product.p50", "Product: batch ack latency p50", "ms", rounds.stream().map(r -> r.product().get(c).percentileMillis(50)).toList());
            s.figure("ingest." + x + ".product.jitShare", "Product: JIT compiler's share of the server's CPU while measured (until recorded)", "%",
                    rounds.stream().map(r -> 100 * r.compilerShare().get(c)).toList());
            s.figure("ingest." + x + ".product.queuedAtLastAnswer", "Product: still queued at the last answer (recording gives way to intake)",
                    "msgs", rounds.stream().map(r -> (double) r.drains().get(c).queuedAtLastAnswer()).toList());
            s.figure("ingest." + x + ".product.drainAfter", "Product: recorded/s after the last answer (queue draining alone)", "msgs/s",
                    rounds.stream().map(r -> r.drains().get(c).perSecondAfter()).toList());
            Figure p99 = s.figure("ingest." + x + ".product.p99", "Product: batch ack latency p99", "ms",
                    rounds.stream().map(r -> r.product().get(c).percentileMillis(99)).toList());
            s.figure("ingest." + x + ".cxf.acknowledged", "CXF ceiling: answered", "msgs/s", cxf);
            s.figure("ingest." + x + ".cxf.p50", "CXF ceiling: batch latency p50", "ms", rounds.stream().map(r -> r.cxf().get(c).percentileMillis(50)).toList());
            s.figure("ingest." + x + ".cxf.p99", "CXF ceiling: batch latency p99", "ms", rounds.stream().map(r -> r.cxf().get(c).percentileMillis(99)).toList());
            s.figure("ingest." + x + ".echo.acknowledged", "HTTP echo ceiling: echoed", "msgs/s", echo);
            s.figure("ingest." + x + ".echo.p99", "HTTP echo ceiling: batch latency p99", "ms", rounds.stream().map(r -> r.echo().get(c).percentileMillis(99)).toList());
            String w = " (×" + scale + ", " + c + " agents)";
            Figure ackCxf = s.ratio("ingest." + x + ".acknowledged/cxf", "Acknowledged ÷ CXF ceiling" + w, acked, cxf);
            s.ratio("ingest." + x + ".acknowledged/echo", "Acknowledged ÷ HTTP ceiling" + w, acked, echo);
            Figure recCxf = s.ratio("ingest." + x + ".recorded/cxf", "Recorded ÷ CXF ceiling" + w, recorded, cxf);
            s.ratio("ingest." + x + ".recorded/echo", "Recorded ÷ HTTP ceiling" + w, recorded, echo);
            s.ratio("ingest." + x + ".cxf/echo", "CXF ceiling ÷ HTTP ceiling" + w, cxf, echo);
            if (scale == 1 && c == peak) {
                ctx.report().target(new Target("Ingest acknowledged ≥ 0.5 of the CXF ceiling (batches of 50, at the peak)", ackCxf.id(), 0.5, true, ackCxf.median()));
                ctx.report().target(new Target("p99 batch acknowledgment < 100 ms at the throughput peak", p99.id(), 100, false, p99.median()));
                ctx.report().target(new Target("Fully recorded ≥ 0.3 of the CXF ceiling (at the peak)", recCxf.id(), 0.3, true, recCxf.median()));
                littlesLaw(s, c, median(cxf), median(acked));
            }
        }
        s.figure("ingest.x" + scale + ".product.serverRss", "Product: server peak RSS (×" + scale + ")", "MiB",
                rounds.stream().map(Round::serverRssMiB).toList());
        for (String server : List.of("product", "cxf", "echo")) {
            String name = switch (server) {
                case "product" -> "Product";
                case "cxf" -> "CXF ceiling";
                default -> "HTTP echo ceiling";
            };
            s.figure("ingest.x" + scale + "." + server + ".jitWarmUp", name + ": messages taken before measuring, until its JIT "
                    + "settled (×" + scale + ")", "msgs", rounds.stream().map(r -> (double) r.warmUps().get(server).messages()).toList());
            s.figure("ingest.x" + scale + "." + server + ".jitShareLastStep", name + ": JIT compiler's share of its CPU over the last "
                    + "warm-up step (×" + scale + ")", "%", rounds.stream().map(r -> 100 * r.warmUps().get(server).compilerShare()).toList());
        }
        return peak;
    }

    /*
     * Each agent keeps settings.threads() batches in flight, so by Little's law the mean time a batch spends in
     * flight is (batches in flight) ÷ (batches answered per second), whatever the server does with it.
     */
    private void littlesLaw(Section s, int agents, double cxfPerSecond, double productPerSecond) {
        int inFlight = agents * settings.threads();
        double batch = settings.batchSize();
        s.note(String.format(java.util.Locale.ROOT, "Latency at the peak (%d agents × %d sending threads = %d batches in flight): by "
                + "Little's law the mean batch latency is %d ÷ batches answered per second, so %.0f ms at the CXF ceiling's own "
                + "%.0f msgs/s and %.0f ms at the product's %.0f msgs/s. A p99 under 100 ms at this concurrency needs a mean well "
                + "under 100 ms, that is more than %.0f msgs/s answered%s.", agents, settings.threads(),
                inFlight, inFlight, 1000 * inFlight * batch / cxfPerSecond, cxfPerSecond, 1000 * inFlight * batch / productPerSecond,
                productPerSecond, inFlight * batch / 0.1, inFlight * batch / 0.1 > cxfPerSecond ? ": more than the CXF ceiling itself" : ""));
    }

    private static SoapMailClient soapClient(URI url) {
        return new SoapMailClient(SoapClientSettings.builder(url.toString())
                .credentials(ProductServer.USER, ProductServer.PASSWORD.toCharArray()).build());
    }

    private static URL toUrl(URI uri) {
        try {
            return uri.toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Fleet.Result check(Fleet.Result r, String what) {
        if (r.unacknowledged() > 0 || r.rejected() > 0 || !r.failure().isEmpty()) {
            throw new IllegalStateException(what + ": " + r.acknowledged() + " acknowledged, " + r.rejected() + " rejected, "
                    + r.unacknowledged() + " unacknowledged: " + r.failure());
        }
        return r;
    }

    static double median(List<Double> values) {
        return new Figure("m", "m", "", values).median();
    }
}
