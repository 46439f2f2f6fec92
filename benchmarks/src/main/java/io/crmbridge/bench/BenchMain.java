package io.crmbridge.bench;

import io.crmbridge.bench.agentmemory.AgentMemoryBench;
import io.crmbridge.bench.backfill.BackfillBench;
import io.crmbridge.bench.ingest.IngestBench;
import io.crmbridge.bench.micro.MicroBench;
import io.crmbridge.bench.report.Machine;
import io.crmbridge.bench.report.Report;
import io.crmbridge.bench.sync.ContactSyncBench;
import java.nio.file.Files;
import java.util.Arrays;

/**
 * Runs the benchmarks of issue 6 on loopback and writes {@code report.md} and {@code report.json} into the
 * output directory. See {@link BenchOptions} for the command line; the README has the one command to run it all.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        // The JDK's HTTP server reads this once, when the first one starts (the ingest's wire capture): without it
        // the Exchange emulator answers after the client's delayed ACK, ~40 ms a request, whatever the sync does.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        BenchOptions options = BenchOptions.parse(args);
        if (!Files.isRegularFile(options.distribution())) {
            throw new IllegalStateException("no distribution at " + options.distribution() + ": build crm-ws first (-am package)");
        }
        Report report = new Report(Machine.describe(options.serverFlags()), Arrays.asList(args));
        BenchContext ctx = new BenchContext(options, report, options.out(), options.distribution(), options.serverFlags());
        ctx.progress("writing to " + options.out());
        try {
            if (options.runs("ingest")) {
                new IngestBench(ctx).run();
                report.write(options.out());
            }
            if (options.runs("backfill")) {
                new BackfillBench(ctx).run();
                report.write(options.out());
            }
            if (options.runs("agent")) {
                new AgentMemoryBench(ctx).run();
                report.write(options.out());
            }
            if (options.runs("sync")) {
                new ContactSyncBench(ctx).run();
                report.write(options.out());
            }
            if (options.runs("jmh")) {
                new MicroBench(ctx).run();
            }
        } finally {
            report.write(options.out());
            BenchContext.deleteTree(options.out().resolve("work"));
        }
        ctx.progress("report: " + options.out().resolve("report.md"));
    }
}
