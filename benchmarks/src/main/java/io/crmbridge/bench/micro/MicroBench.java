package io.crmbridge.bench.micro;

import io.crmbridge.bench.BenchContext;
import io.crmbridge.bench.report.Section;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH micro-benchmarks (one fork each, the same JVM as a child) and puts every measurement iteration
 * in the report as a round, with each benchmark's ratio to its floor.
 */
public final class MicroBench {
    private final BenchContext ctx;

    public MicroBench(BenchContext ctx) {
        this.ctx = ctx;
    }

    public void run() throws Exception {
        Section s = ctx.report().section("Micro-benchmarks (JMH)");
        boolean quick = ctx.options().jmhQuick();
        Options options = new OptionsBuilder()
                .include(TagParserBenchmark.class.getName())
                .include(MemoReaderBenchmark.class.getName())
                .include(io.crmbridge.backend.exchange.webdav.ContactXmlBenchmark.class.getName())
                .forks(1)
                .warmupIterations(quick ? 1 : 3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 3 : 5)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xmx512m")
                .output(ctx.log("jmh").toString())
                .build();
        ctx.progress("JMH: " + (quick ? "quick" : "3 × 1 s warm-up, 5 × 1 s measured") + ", output in " + ctx.log("jmh"));
        Collection<RunResult> results = new Runner(options).run();
        Map<String, List<Double>> byName = new LinkedHashMap<>();
        for (RunResult run : results) {
            for (BenchmarkResult b : run.getBenchmarkResults()) {
                String name = b.getParams().getBenchmark().replace("io.crmbridge.bench.micro.", "")
                        .replace("io.crmbridge.backend.exchange.webdav.", "");
                String param = b.getParams().getParamsKeys().isEmpty() ? ""
                        : "[" + String.join(",", b.getParams().getParamsKeys().stream().map(k -> b.getParams().getParam(k)).toList()) + "]";
                List<Double> scores = new ArrayList<>();
                for (IterationResult i : b.getIterationResults()) {
                    scores.add(i.getPrimaryResult().getScore());
                }
                byName.put(name + param, scores);
                s.figure("jmh." + name + param, name + param, "ops/s", scores);
            }
        }
        ratio(s, byName, "TagParserBenchmark.find", "TagParserBenchmark.scanFloor", "Tag parser find ÷ character-scan floor");
        ratio(s, byName, "TagParserBenchmark.append", "TagParserBenchmark.scanFloor", "Tag append ÷ character-scan floor");
        ratio(s, byName, "MemoReaderBenchmark.read[internet]", "MemoReaderBenchmark.itemsFloor[internet]", "MemoReader (MIME memo) ÷ plain item reads");
        ratio(s, byName, "MemoReaderBenchmark.read[notes]", "MemoReaderBenchmark.itemsFloor[notes]", "MemoReader (Notes memo) ÷ plain item reads");
        ratio(s, byName, "ContactXmlBenchmark.propertyUpdate", "ContactXmlBenchmark.valuesFloor", "Contact PROPPATCH writing ÷ encoding its values");
        s.note("Each measured iteration (1 s) is a round. The floors are what any implementation must at least do: the tag "
                + "parser's looks at every character once; the contact writer's encodes the values alone; the reader's reads the same ten items as plain strings from the "
                + "same fake document (the fake's own cost, e.g. its handle bookkeeping, is in both).");
    }

    private static void ratio(Section s, Map<String, List<Double>> byName, String product, String floor, String title) {
        if (byName.containsKey(product) && byName.containsKey(floor)) {
            s.ratio("jmh." + product + "/floor", title, byName.get(product), byName.get(floor));
        }
    }
}
