package io.crmbridge.bench.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.access.Role;
import io.crmbridge.backend.record.CsvImportReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The product as an operator runs it: {@code java -jar crm-bridge.jar serve} in its own JVM on a fresh
 * embedded H2 database (durable: each batch flushed and fsync'ed before it is answered), with an agent user
 * and CRM records put in beforehand.
 */
public final class ProductServer implements AutoCloseable {
    public static final String USER = "bench-agent";
    public static final String PASSWORD = "bench-Pässword-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildJvm jvm;
    private final URI base;

    private ProductServer(ChildJvm jvm, URI base) {
        this.jvm = jvm;
        this.base = base;
    }

    /** Creates the store in {@code dataDir} with the benchmark's agent user and one opportunity per GUID. */
    public static void prepare(Path dataDir, List<UUID> records) {
        StringBuilder csv = new StringBuilder("type,id,name,first_name,middle_name,last_name,email,company,title,phone,fax,"
                + "mobile,street,city,state,postal_code,country,notes,parent_id\n");
        for (int i = 0; i < records.size(); i++) {
            csv.append("opportunity,").append(records.get(i)).append(",Opportunity ").append(i).append(",,,,,,,,,,,,,,,,\n");
        }
        try (CrmBackend backend = CrmBackend.start(BackendSettings.embedded(dataDir).withWorkers(0))) {
            backend.apiUsers().add(USER, Role.AGENT, PASSWORD.toCharArray());
            CsvImportReport report = backend.records().importCsv(new StringReader(csv.toString()));
            if (!report.errors().isEmpty()) {
                throw new IllegalStateException("records import failed: " + report.errors());
            }
        }
    }

    public static ProductServer start(Path distributionJar, Path dataDir, Path workDir, List<String> jvmFlags, Path log)
            throws IOException, InterruptedException {
        int port = Ports.free();
        List<String> args = List.of("-jar", distributionJar.toString(), "serve", "--port", Integer.toString(port));
        Map<String, String> env = Map.of("CRMBRIDGE_DATA_DIR", dataDir.toString(), "CRMBRIDGE_SERVER_HOST", "127.0.0.1");
        ChildJvm jvm = ChildJvm.start("crm-bridge serve", jvmFlags, args, env, workDir, log, null);
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        try {
            Ports.awaitHttp(base.resolve("health"), jvm, Duration.ofSeconds(90));
        } catch (RuntimeException | InterruptedException e) {
            jvm.close();
            throw e;
        }
        return new ProductServer(jvm, base);
    }

    public URI mailUrl() {
        return base.resolve("services/mail");
    }

    public ChildJvm jvm() {
        return jvm;
    }

    /** Submissions committed and not yet recorded, from {@code GET /health}. */
    public long queued() throws IOException {
        HttpURLConnection c = (HttpURLConnection) base.resolve("health").toURL().openConnection();
        c.setReadTimeout(30_000);
        try (InputStream in = c.getResponseCode() == 200 ? c.getInputStream() : c.getErrorStream()) {
            return JSON.readTree(in).path("queuedSubmissions").asLong(-1);
        }
    }

    /** Polls until nothing is queued; answers when that was seen (System.nanoTime), or throws after the timeout. */
    public long awaitDrained(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (queued() == 0) {
                return System.nanoTime();
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("submissions still queued after " + timeout + "; see " + jvm.log());
    }

    @Override
    public void close() {
        jvm.close();
    }
}
