package io.crmbridge.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@link BenchMain}. Sizes are the ×1 data; every benchmark also runs ×10.
 *
 * <pre>
 * --out DIR                  where report.md, report.json, logs and scratch data go
 * --distribution JAR         crm-ws/target/crm-bridge.jar (with lib/ beside it)
 * --only a,b                 ingest, backfill, agent, sync, jmh (default: all)
 * --rounds N                 repeated rounds per figure (default 3)
 * --agents N                 agents sending at once in the ingest benchmark (default 4)
 * --ingest-messages N        messages per ingest run at ×1, all agents together (default 2000)
 * --backfill-messages N      messages in the ×1 mbox (default 2000; 10000 makes ×10 the 100,000 of the target)
 * --agent-memos N            memos in the ×1 fake-domino mail file (default 10000)
 * --contacts N               contacts in the ×1 contact sync (default 1000: ×10 is the 10,000)
 * --server-flags "..."       JVM flags for every server child (default: none, the JVM's defaults)
 * --importer-flags "..."     extra JVM options for the import-mail child, given to the launcher as CRMBRIDGE_JAVA_OPTS (default: none)
 * --jmh-quick                shorter JMH runs (for trying the harness out)
 * </pre>
 */
public record BenchOptions(Path out, Path distribution, Set<String> only, int rounds, int agents, int ingestMessages,
        int backfillMessages, int agentMemos, int contacts, List<String> serverFlags, List<String> importerFlags, boolean jmhQuick) {

    public static final Set<String> ALL = Set.of("ingest", "backfill", "agent", "sync", "jmh");

    public boolean runs(String benchmark) {
        return only.contains(benchmark);
    }

    public static BenchOptions parse(String[] args) {
        Path out = Path.of("target/bench");
        Path distribution = Path.of("crm-ws/target/crm-bridge.jar");
        Set<String> only = ALL;
        int rounds = 3;
        int agents = 4;
        int ingest = 2000;
        int backfill = 2_000;
        int memos = 10_000;
        int contacts = 1000;
        List<String> serverFlags = List.of();
        List<String> importerFlags = List.of();
        boolean jmhQuick = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--out" -> out = Path.of(args[++i]);
                case "--distribution" -> distribution = Path.of(args[++i]);
                case "--only" -> only = Set.copyOf(Arrays.asList(args[++i].split(",")));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--agents" -> agents = Integer.parseInt(args[++i]);
                case "--ingest-messages" -> ingest = Integer.parseInt(args[++i]);
                case "--backfill-messages" -> backfill = Integer.parseInt(args[++i]);
                case "--agent-memos" -> memos = Integer.parseInt(args[++i]);
                case "--contacts" -> contacts = Integer.parseInt(args[++i]);
                case "--server-flags" -> serverFlags = flags(args[++i]);
                case "--importer-flags" -> importerFlags = flags(args[++i]);
                case "--jmh-quick" -> jmhQuick = true;
                default -> throw new IllegalArgumentException("unknown option " + a + " (see BenchOptions)");
            }
        }
        if (!ALL.containsAll(only)) {
            throw new IllegalArgumentException("--only takes " + ALL + ", not " + only);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
        return new BenchOptions(out.toAbsolutePath(), distribution.toAbsolutePath().normalize(), only, rounds, agents, ingest,
                backfill, memos, contacts, serverFlags, importerFlags, jmhQuick);
    }

    private static List<String> flags(String text) {
        List<String> out = new ArrayList<>();
        for (String f : text.trim().split("\\s+")) {
            if (!f.isEmpty()) {
                out.add(f);
            }
        }
        return out;
    }
}
