package io.crmbridge.bench.backfill;

import io.crmbridge.bench.BenchContext;
import io.crmbridge.bench.process.ChildJvm;
import io.crmbridge.bench.process.Ports;
import io.crmbridge.bench.process.ProductServer;
import io.crmbridge.bench.report.Figure;
import io.crmbridge.bench.report.Section;
import io.crmbridge.bench.report.Target;
import io.crmbridge.bench.stream.MailStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measurement 2: {@code crm-bridge import-mail} over a generated mbox into a running server, both as the
 * operator runs them (the importer through the {@code bin/crm-bridge} launcher, the server with {@code java -jar},
 * each its own process): wall time, messages per second,
 * peak RSS of both; and, in the same round, the same import into the CXF ceiling (the contract, no product).
 */
public final class BackfillBench {
    private static final long SEED = 7;
    private static final String MAILBOX = "archive@acme.example";
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) read, (\\d+) accepted, (\\d+) already there, (\\d+) rejected");

    private final BenchContext ctx;
    private final List<UUID> records = MailStream.recordIds(SEED, 200);

    public BackfillBench(BenchContext ctx) {
        this.ctx = ctx;
    }

    private record Round(double seconds, double importerRssMiB, double serverRssMiB, double recordedSeconds,
            double ceilingSeconds, double ceilingImporterRssMiB) {
    }

    public void run() throws Exception {
        Section s = ctx.report().section("Back-fill: crm-bridge import-mail over an mbox");
        String importerOptions = String.join(" ", ctx.options().importerFlags());
        s.note("Importer and server are separate JVMs: the importer started as the README tells operators, `bin/crm-bridge "
                + "import-mail …` (the launcher gives it -Xmx128m)" + (importerOptions.isEmpty() ? ""
                : " with CRMBRIDGE_JAVA_OPTS=\"" + importerOptions + "\"") + ", the server with `java -jar crm-bridge.jar serve` "
                + "and the server flags above; peak RSS is each process's VmHWM. "
                + "Wall time is the importer's whole life, JVM start included. Ceiling: the same importer and mbox "
                + "against the CXF endpoint that only parses.");
        List<Double> perMessage = new ArrayList<>();
        for (int scale : List.of(1, 10)) {
            int n = ctx.options().backfillMessages() * scale;
            Path mbox = ctx.data("backfill-" + n + ".mbox");
            ctx.progress("back-fill ×" + scale + ": mbox of " + n + " messages at " + mbox);
            MboxWriter.ensure(mbox, n, SEED, records, MAILBOX);
            s.note(String.format(Locale.ROOT, "×%d: %,d messages, %,d MiB of mbox.", scale, n, Files.size(mbox) >> 20));
            List<Round> rounds = new ArrayList<>();
            for (int r = 1; r <= ctx.options().rounds(); r++) {
                rounds.add(round(scale, r, mbox, n));
            }
            String x = "x" + scale;
            List<Double> rate = rounds.stream().map(r -> n / r.seconds()).toList();
            List<Double> ceilingRate = rounds.stream().map(r -> n / r.ceilingSeconds()).toList();
            Figure wall = s.figure("backfill." + x + ".wall", String.format(Locale.ROOT, "Import wall time (×%d, %,d msgs)", scale, n), "s",
                    rounds.stream().map(Round::seconds).toList());
            s.figure("backfill." + x + ".rate", "Import rate (acknowledged)", "msgs/s", rate);
            s.figure("backfill." + x + ".recorded", "Fully recorded after (from importer start)", "s",
                    rounds.stream().map(Round::recordedSeconds).toList());
            Figure importerRss = s.figure("backfill." + x + ".importerRss", "Importer peak RSS", "MiB",
                    rounds.stream().map(Round::importerRssMiB).toList());
            s.figure("backfill." + x + ".serverRss", "Server peak RSS", "MiB", rounds.stream().map(Round::serverRssMiB).toList());
            s.figure("backfill." + x + ".ceiling.rate", "CXF ceiling: import rate", "msgs/s", ceilingRate);
            s.figure("backfill." + x + ".ceiling.importerRss", "CXF ceiling: importer peak RSS", "MiB",
                    rounds.stream().map(Round::ceilingImporterRssMiB).toList());
            s.ratio("backfill." + x + ".rate/cxf", "Import rate ÷ CXF ceiling (×" + scale + ")", rate, ceilingRate);
            if (scale == 10 && n == 100_000) {
                ctx.report().target(new Target("Back-fill of 100,000 messages < 5 min", wall.id(), 300, false, wall.median()));
            } else if (scale == 10) {
                ctx.report().target(new Target(String.format(Locale.ROOT, "Back-fill of 100,000 messages < 5 min (extrapolated "
                        + "linearly from %,d)", n), wall.id() + " × 100,000 ÷ " + n, 300, false, wall.median() * 100_000 / n));
            }
            if (scale == 10) {
                ctx.report().target(new Target("Importer peak RSS < 256 MB", importerRss.id(), 256, false, importerRss.median()));
            }
            perMessage.add(median(rounds.stream().map(Round::seconds).toList()) / n);
        }
        double growth = perMessage.get(1) / perMessage.get(0);
        s.note(String.format(Locale.ROOT, "Scaling: wall time per message at ×10 is %.2f× that at ×1 (JVM start-up weighs more at ×1).", growth));
        if (growth > 1.25) {
            s.finding(String.format(Locale.ROOT, "Back-fill grows worse than linearly: %.2f× the time per message at ×10.", growth));
        }
    }

    private Round round(int scale, int round, Path mbox, int n) throws Exception {
        String tag = "backfill-x" + scale + "-r" + round;
        Path data = ctx.scratch(tag + "-h2");
        ProductServer.prepare(data, records);
        double seconds;
        double importerRss;
        double serverRss;
        double recorded;
        try (ProductServer server = ProductServer.start(ctx.distribution(), data, ctx.scratch(tag + "-cwd"), ctx.serverFlags(),
                ctx.log(tag + "-server"))) {
            long start = System.nanoTime();
            ChildJvm importer = importer(tag, mbox, server.mailUrl(), n);
            seconds = importer.elapsedSeconds();
            importerRss = importer.peakRssKiB() / 1024.0;
            recorded = (server.awaitDrained(Duration.ofMinutes(15)) - start) / 1e9;
            serverRss = server.jvm().peakRssKiB() / 1024.0;
        }
        BenchContext.deleteTree(data);
        double ceilingSeconds;
        double ceilingRss;
        int port = Ports.free();
        List<String> args = new ArrayList<>(ChildJvm.benchClassPath());
        args.addAll(List.of("io.crmbridge.bench.ceiling.CeilingServer", "cxf", Integer.toString(port)));
        try (ChildJvm cxf = ChildJvm.start("cxf ceiling", ctx.serverFlags(), args, Map.of(), ctx.out(), ctx.log(tag + "-cxf"), null)) {
            URI url = URI.create("http://127.0.0.1:" + port + "/services/mail");
            Ports.awaitHttp(URI.create(url + "?wsdl"), cxf, Duration.ofSeconds(60));
            ChildJvm importer = importer(tag + "-ceiling", mbox, url, n);
            ceilingSeconds = importer.elapsedSeconds();
            ceilingRss = importer.peakRssKiB() / 1024.0;
        }
        ctx.progress(String.format(Locale.ROOT, "%s: %.1f s (%.0f msg/s), recorded after %.1f s, importer %.0f MiB, server %.0f MiB; ceiling %.1f s",
                tag, seconds, n / seconds, recorded, importerRss, serverRss, ceilingSeconds));
        return new Round(seconds, importerRss, serverRss, recorded, ceilingSeconds, ceilingRss);
    }

    /** Runs the importer to its end; checks that every message was acknowledged. */
    private ChildJvm importer(String tag, Path mbox, URI endpoint, int n) throws Exception {
        Path stdout = ctx.log(tag + "-import.out");
        Files.createDirectories(stdout.getParent());
        Path launcher = ctx.distribution().resolveSibling("bin").resolve("crm-bridge");
        List<String> command = List.of(launcher.toString(), "import-mail", mbox.toString(), "--mailbox", MAILBOX,
                "--folder", "inbox", "--endpoint", endpoint.toString());
        Map<String, String> env = Map.of("CRMBRIDGE_USER", ProductServer.USER, "CRMBRIDGE_PASSWORD", ProductServer.PASSWORD,
                "CRMBRIDGE_JAVA_OPTS", String.join(" ", ctx.options().importerFlags()));
        ChildJvm importer = ChildJvm.launch("import-mail", command, env, ctx.scratch(tag + "-import-cwd"), ctx.log(tag + "-import"),
                stdout);
        int exit = importer.waitFor(Duration.ofMinutes(20));
        String summary = Files.readString(stdout).trim();
        Matcher m = SUMMARY.matcher(summary);
        if (!m.find() || Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3)) != n) {
            throw new IllegalStateException("import-mail exited " + exit + " with '" + summary + "', expected " + n
                    + " acknowledged; see " + importer.log());
        }
        return importer;
    }

    private static double median(List<Double> values) {
        return new Figure("m", "m", "", values).median();
    }
}
