package io.crmbridge.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the benchmark starts as a separate process (a server, the importer, the agent probe), with its output
 * in a log file and its memory watched: {@link #peakRssKiB()} is the kernel's high-water mark (VmHWM), read
 * every 20 ms while the process lives, so the last reading before it exits is kept.
 */
public final class ChildJvm implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final Thread watcher;
    private volatile long peakRssKiB;
    private final long startedNanos = System.nanoTime();
    private volatile long endedNanos;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.watcher = new Thread(this::watch, "rss-" + name);
        watcher.setDaemon(true);
        watcher.start();
        // a benchmark stopped half-way must not leave servers behind
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + name));
    }

    /**
     * Starts {@code java <jvmFlags> <arguments>} with the JDK running the benchmark.
     *
     * @param stdout where standard output goes, or null to put it in the log with standard error
     */
    public static ChildJvm start(String name, List<String> jvmFlags, List<String> arguments, Map<String, String> environment,
            Path workDir, Path log, Path stdout) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(arguments);
        return launch(name, command, environment, workDir, log, stdout);
    }

    /**
     * Runs {@code command}, a launcher that ends by exec'ing its JVM (so the process watched is the JVM itself),
     * with the JDK running the benchmark as its {@code JAVA_HOME}.
     */
    public static ChildJvm launch(String name, List<String> command, Map<String, String> environment, Path workDir, Path log,
            Path stdout) throws IOException {
        Files.createDirectories(workDir);
        Files.createDirectories(log.getParent());
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(environment);
        pb.redirectError(ProcessBuilder.Redirect.to(log.toFile()));
        pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(stdout.toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new ChildJvm(name, pb.start(), log);
    }

    /** The bench's own class path, for children that run benchmark classes. */
    public static List<String> benchClassPath() {
        return List.of("-cp", System.getProperty("java.class.path"));
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** CPU time a process has used so far, all its threads, and its JIT compiler threads among them. */
    public record CpuTime(long totalMillis, long compilerMillis) {
        /** The compiler's share of the CPU used since {@code earlier} (0 when nothing was used). */
        public double compilerShareSince(CpuTime earlier) {
            long total = totalMillis - earlier.totalMillis;
            return total <= 0 ? 0 : (double) (compilerMillis - earlier.compilerMillis) / total;
        }
    }

    /**
     * The CPU time the process has used so far, from /proc (Linux; USER_HZ is 100 there). HotSpot names its
     * compiler threads "C1 CompilerThre…" and "C2 CompilerThre…"; on 2 cores it runs one of each for good, so
     * none ends and takes its time along.
     */
    public CpuTime cpuTime() {
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        long compiler = 0;
        try (java.nio.file.DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    if (stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).matches("C[12] CompilerThre.*")) {
                        compiler += cpuMillis(stat);
                    }
                } catch (IOException e) {
                    // the thread has just ended
                }
            }
            return new CpuTime(cpuMillis(Files.readString(proc.resolve("stat"))), compiler);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of " + this + " from /proc", e);
        }
    }

    // utime + stime, the 14th and 15th fields of a /proc stat line, in ticks of 10 ms
    private static long cpuMillis(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /** Peak resident set size so far, in KiB (VmHWM). */
    public long peakRssKiB() {
        readHwm();
        return peakRssKiB;
    }

    public Path log() {
        return log;
    }

    /** Waits for the process to end; answers its exit code. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + log);
        }
        endedNanos = System.nanoTime();
        watcher.join(200);
        return process.exitValue();
    }

    /** Wall time from start to exit (or to now while it runs), in seconds. */
    public double elapsedSeconds() {
        long end = endedNanos == 0 ? System.nanoTime() : endedNanos;
        return (end - startedNanos) / 1e9;
    }

    /** Asks the process to stop (SIGTERM, so shutdown hooks run) and waits a while, then kills it. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        readHwm();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void watch() {
        while (process.isAlive()) {
            readHwm();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void readHwm() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    if (kib > peakRssKiB) {
                        peakRssKiB = kib;
                    }
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has just ended: the last reading stands
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
