package io.crmbridge.bench;

import io.crmbridge.bench.report.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What every benchmark gets: the options, the report to fill, where to put scratch data and logs, and the
 * product's distribution jar.
 *
 * @param serverFlags JVM flags for every server child, product and ceilings alike
 */
public record BenchContext(BenchOptions options, Report report, Path out, Path distribution, List<String> serverFlags) {

    /** A fresh, empty scratch directory under {@code out/work}. */
    public Path scratch(String name) {
        Path dir = out.resolve("work").resolve(name);
        deleteTree(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    public Path log(String name) {
        return out.resolve("logs").resolve(name + ".log");
    }

    /** Where generated inputs are kept between runs (they are reproducible, and large). */
    public Path data(String name) {
        return out.resolve("data").resolve(name);
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void progress(String line) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + line);
        System.out.flush();
    }
}
