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

    private final BenchContext ctx;
    private final List<UUID> records = MailStream.recordIds(SEED, 200);
    private final SubmitterSettings settings = SubmitterSettings.defaults();

    public IngestBench(BenchContext ctx) {
        this.ctx = ctx;
    }

    /** One round's figures for one size. */
    private record Round(Fleet.Result product, double recordedPerSecond, double serverRssMiB, Fleet.Result cxf, Fleet.Result echo) {
    }

    public void run() throws Exception {
        Section section = ctx.report().section("Ingest: agents → SOAP → durable H2, against the CXF and HTTP ceilings");
        int agents = ctx.options().agents();
        section.note(agents + " agents at once, each a MailSubmitter of its own (" + settings + ") with the agent's "
                + "SoapMailClient (HttpURLConnection, gzip above 8 KiB); each server in its own JVM (like production: "
                + "client and server do not share a heap or a GC; they share the 2 cores), started fresh per round, "
                + "warmed with " + WARM_UP_PER_AGENT + " messages per agent before the timed part.");
        section.note("Product: `crm-bridge serve` on a fresh embedded H2 (WRITE_DELAY=0 and CHECKPOINT SYNC after every "
                + "batch: an acknowledged batch survives kill -9, see KilledServerTest), 2 recording workers. "
                + "CXF ceiling: the same WSDL, generated types, CXF servlet, GZIP feature and Jetty, with an endpoint that "
                + "answers ACCEPTED without doing anything (no authentication either). HTTP ceiling: the captured request "
                + "bytes (gzip as on the wire) POSTed with the same JDK client to a servlet that echoes them.");
        section.note("Acknowledged/s: messages with an ACCEPTED/DUPLICATE receipt ÷ time from the first submit to the "
                + "last answer. Recorded/s: the same messages ÷ time until GET /health shows nothing queued. "
                + "Latency: each SubmitMail call of 50 messages, serialisation and gzip on the client included.");
        List<Double> perMessageCost = new ArrayList<>();
        for (int scale : List.of(1, 10)) {
            int total = ctx.options().ingestMessages() * scale;
            int perAgent = Math.max(1, total / agents);
            ctx.progress("ingest ×" + scale + ": generating " + perAgent * agents + " messages for " + agents + " agents");
            List<List<MailMessage>> stream = AgentMessages.forAgents(agents, perAgent, SEED + scale, records);
            List<List<MailMessage>> warm = AgentMessages.forAgents(agents, WARM_UP_PER_AGENT, SEED + 100 + scale, records);
            Map<String, WireCapture.Request> wire = WireCapture.capture(stream, settings, ProductServer.USER, ProductServer.PASSWORD);
            wire.putAll(WireCapture.capture(warm, settings, ProductServer.USER, ProductServer.PASSWORD));
            List<Round> rounds = new ArrayList<>();
            for (int r = 1; r <= ctx.options().rounds(); r++) {
                rounds.add(round(scale, r, stream, warm, wire));
            }
            stream = null;
            report(section, scale, rounds);
            perMessageCost.add(1 / median(rounds.stream().map(x -> x.product().acknowledgedPerSecond()).toList()));
        }
        double growth = perMessageCost.get(1) / perMessageCost.get(0);
        section.note(String.format(java.util.Locale.ROOT, "Scaling: time per acknowledged message at ×10 is %.2f× that at ×1 "
                + "(1.00 = linear: the 10× larger database costs nothing extra per message).", growth));
        if (growth > 1.25) {
            section.finding(String.format(java.util.Locale.ROOT, "Ingest grows worse than linearly: each message costs %.2f× "
                    + "as much at ×10 as at ×1.", growth));
        }
    }

    private Round round(int scale, int round, List<List<MailMessage>> stream, List<List<MailMessage>> warm,
            Map<String, WireCapture.Request> wire) throws Exception {
        String tag = "ingest-x" + scale + "-r" + round;
        Fleet.Result product;
        double recorded;
        double rss;
        Path data = ctx.scratch(tag + "-h2");
        ProductServer.prepare(data, records);
        try (ProductServer server = ProductServer.start(ctx.distribution(), data, ctx.scratch(tag + "-cwd"), ctx.serverFlags(),
                ctx.log(tag + "-product"))) {
            IntFunction<MailTransport> soap = a -> soapClient(server.mailUrl());
            check(Fleet.run(warm, soap, settings), "product warm-up");
            server.awaitDrained(Duration.ofMinutes(5));
            long start = System.nanoTime();
            product = check(Fleet.run(stream, soap, settings), "product");
            long drained = server.awaitDrained(Duration.ofMinutes(10));
            recorded = product.acknowledged() / ((drained - start) / 1e9);
            rss = server.jvm().peakRssKiB() / 1024.0;
        }
        BenchContext.deleteTree(data);
        Fleet.Result cxf = ceiling("cxf", tag, port -> URI.create("http://127.0.0.1:" + port + "/services/mail"),
                url -> a -> soapClient(url), warm, stream);
        Fleet.Result echo = ceiling("echo", tag, port -> URI.create("http://127.0.0.1:" + port + "/echo"),
                url -> a -> new EchoTransport(toUrl(url), wire), warm, stream);
        ctx.progress(String.format(java.util.Locale.ROOT, "%s: product %.0f msg/s acked (p99 %.0f ms), %.0f recorded; cxf %.0f; echo %.0f",
                tag, product.acknowledgedPerSecond(), product.percentileMillis(99), recorded, cxf.acknowledgedPerSecond(),
                echo.acknowledgedPerSecond()));
        return new Round(product, recorded, rss, cxf, echo);
    }

    private Fleet.Result ceiling(String mode, String tag, java.util.function.IntFunction<URI> url,
            java.util.function.Function<URI, IntFunction<MailTransport>> transports, List<List<MailMessage>> warm,
            List<List<MailMessage>> stream) throws Exception {
        int port = Ports.free();
        List<String> args = new ArrayList<>(ChildJvm.benchClassPath());
        args.add("io.crmbridge.bench.ceiling.CeilingServer");
        args.add(mode);
        args.add(Integer.toString(port));
        try (ChildJvm jvm = ChildJvm.start(mode + " ceiling", ctx.serverFlags(), args, Map.of(), ctx.out(), ctx.log(tag + "-" + mode), null)) {
            URI ready = mode.equals("cxf") ? URI.create(url.apply(port) + "?wsdl") : url.apply(port);
            Ports.awaitHttp(ready, jvm, Duration.ofSeconds(60));
            IntFunction<MailTransport> t = transports.apply(url.apply(port));
            check(Fleet.run(warm, t, settings), mode + " warm-up");
            return check(Fleet.run(stream, t, settings), mode);
        }
    }

    private void report(Section s, int scale, List<Round> rounds) {
        String x = "x" + scale;
        List<Double> acked = rounds.stream().map(r -> r.product().acknowledgedPerSecond()).toList();
        List<Double> recorded = rounds.stream().map(Round::recordedPerSecond).toList();
        List<Double> cxf = rounds.stream().map(r -> r.cxf().acknowledgedPerSecond()).toList();
        List<Double> echo = rounds.stream().map(r -> r.echo().acknowledgedPerSecond()).toList();
        String n = String.format(java.util.Locale.ROOT, " (×%d, %,d msgs)", scale, rounds.get(0).product().acknowledged());
        s.figure("ingest." + x + ".product.acknowledged", "Product: acknowledged (durable)" + n, "msgs/s", acked);
        s.figure("ingest." + x + ".product.recorded", "Product: fully recorded" + n, "msgs/s", recorded);
        s.figure("ingest." + x + ".product.p50", "Product: batch ack latency p50", "ms", rounds.stream().map(r -> r.product().percentileMillis(50)).toList());
        Figure p99 = s.figure("ingest." + x + ".product.p99", "Product: batch ack latency p99", "ms",
                rounds.stream().map(r -> r.product().percentileMillis(99)).toList());
        s.figure("ingest." + x + ".product.serverRss", "Product: server peak RSS", "MiB", rounds.stream().map(Round::serverRssMiB).toList());
        s.figure("ingest." + x + ".cxf.acknowledged", "CXF ceiling: answered", "msgs/s", cxf);
        s.figure("ingest." + x + ".cxf.p50", "CXF ceiling: batch latency p50", "ms", rounds.stream().map(r -> r.cxf().percentileMillis(50)).toList());
        s.figure("ingest." + x + ".cxf.p99", "CXF ceiling: batch latency p99", "ms", rounds.stream().map(r -> r.cxf().percentileMillis(99)).toList());
        s.figure("ingest." + x + ".echo.acknowledged", "HTTP echo ceiling: echoed", "msgs/s", echo);
        s.figure("ingest." + x + ".echo.p50", "HTTP echo ceiling: batch latency p50", "ms", rounds.stream().map(r -> r.echo().percentileMillis(50)).toList());
        s.figure("ingest." + x + ".echo.p99", "HTTP echo ceiling: batch latency p99", "ms", rounds.stream().map(r -> r.echo().percentileMillis(99)).toList());
        Figure ackCxf = s.ratio("ingest." + x + ".acknowledged/cxf", "Acknowledged ÷ CXF ceiling (×" + scale + ")", acked, cxf);
        s.ratio("ingest." + x + ".acknowledged/echo", "Acknowledged ÷ HTTP ceiling (×" + scale + ")", acked, echo);
        Figure recCxf = s.ratio("ingest." + x + ".recorded/cxf", "Recorded ÷ CXF ceiling (×" + scale + ")", recorded, cxf);
        s.ratio("ingest." + x + ".recorded/echo", "Recorded ÷ HTTP ceiling (×" + scale + ")", recorded, echo);
        s.ratio("ingest." + x + ".cxf/echo", "CXF ceiling ÷ HTTP ceiling (×" + scale + ")", cxf, echo);
        if (scale == 1) {
            ctx.report().target(new Target("Ingest acknowledged ≥ 0.5 of the CXF ceiling (batches of 50)", ackCxf.id(), 0.5, true, ackCxf.median()));
            ctx.report().target(new Target("p99 batch acknowledgment < 100 ms", p99.id(), 100, false, p99.median()));
            ctx.report().target(new Target("Fully recorded ≥ 0.3 of the CXF ceiling", recCxf.id(), 0.3, true, recCxf.median()));
        }
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
