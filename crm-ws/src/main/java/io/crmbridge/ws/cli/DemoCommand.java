package io.crmbridge.ws.cli;

import io.crmbridge.agent.core.soap.SoapMailClient;
import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.access.Role;
import io.crmbridge.backend.record.CsvImportReport;
import io.crmbridge.ws.demo.DemoRun;
import io.crmbridge.ws.server.CrmBridgeServer;
import io.crmbridge.ws.server.ServerSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: the whole product on an embedded database with bundled records and mail. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts CRM Bridge on a fresh embedded database, imports bundled CRM records and sample mail through the SOAP front end,",
            "prints what was recorded where and why, creates a demo user, and keeps serving until Ctrl-C."})
final class DemoCommand implements Callable<Integer> {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; another free port is used when it is taken (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory for the demo database (default: a new temporary directory).")
    Path dataDir;

    @Option(names = "--exit", description = "Stop after printing the results instead of serving.")
    boolean exit;

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? Files.createDirectories(dataDir) : Files.createTempDirectory("crm-bridge-demo-");
        CrmBackend backend = CrmBackend.start(BackendSettings.embedded(dir));
        CrmBridgeServer server;
        try {
            server = CrmBridgeServer.start(ServerSettings.loopback(freeOr(port)), backend);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        try {
            char[] password = randomPassword();
            backend.apiUsers().add("demo", Role.ADMIN, password);
            CsvImportReport records = DemoRun.importRecords(backend);
            System.out.printf("Imported %d CRM records (accounts, contacts, leads, opportunities, cases).%n", records.created() + records.updated());

            String mailService = server.serviceUri("mail").toString();
            SoapMailClient client = ImportMailCommand.client(mailService, "demo", password);
            List<DemoRun.Row> rows = DemoRun.feedMail(backend, client,
                    (mbox, folder) -> ImportMailCommand.run(client, List.of(mbox), DemoRun.MAILBOX, folder, 50, 65536, System.err),
                    dir);
            System.out.println();
            System.out.println("Mail of " + DemoRun.MAILBOX + ", as the agent would submit it from Domino:");
            DemoRun.printTable(rows, System.out);
            System.out.println();
            System.out.println("CRM Bridge is running on " + server.baseUri());
            System.out.println("  Health:            " + server.baseUri().resolve("health"));
            System.out.println("  Mail service WSDL: " + mailService + "?wsdl");
            System.out.println("  Records WSDL:      " + server.serviceUri("records") + "?wsdl");
            System.out.println("  Demo user:         demo / " + new String(password) + " (admin)");
            System.out.println("  Database:          " + dir.toAbsolutePath());
            java.util.Arrays.fill(password, '\0');
            if (exit) {
                server.close();
                backend.close();
                return CrmBridgeCommand.OK;
            }
            System.out.println("Press Ctrl-C to stop.");
        } catch (Exception e) {
            server.close();
            backend.close();
            throw e;
        }
        ServeCommand.awaitShutdown(server, java.util.Optional.empty(), backend);
        return CrmBridgeCommand.OK;
    }

    private static int freeOr(int wanted) {
        try (ServerSocket probe = new ServerSocket(wanted, 1, java.net.InetAddress.getLoopbackAddress())) {
            return wanted;
        } catch (IOException e) {
            return 0;
        }
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[16];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return password;
    }
}
