package io.crmbridge.ws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.access.ApiUser;
import io.crmbridge.backend.access.Role;
import io.crmbridge.ws.server.RunningBridge;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crm-bridge commands as a user runs them: exit codes, one-line errors, what they print. */
class CommandLineTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private InputStream originalIn;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        originalIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.setIn(originalIn);
    }

    @Test
    void usersAddReadsThePasswordFromStandardInputAndStoresItHashed() throws Exception {
        Path config = configFile();
        System.setIn(new ByteArrayInputStream("agent-pass\n".getBytes(StandardCharsets.UTF_8)));

        int exit = CrmBridgeCommand.execute(Map.of(), "users", "add", "domino01", "--role", "agent", "--config", config.toString());

        assertThat(exit).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("domino01").contains("agent");
        try (CrmBackend backend = CrmBackend.start(BackendSettings.embedded(dir.resolve("data")).withWorkers(0))) {
            assertThat(backend.apiUsers().authenticate("domino01", "agent-pass".toCharArray()))
                    .contains(new ApiUser("domino01", Role.AGENT));
        }
    }

    @Test
    void aBadRoleIsOneReadableErrorAndExitOne() throws Exception {
        int exit = CrmBridgeCommand.execute(Map.of(), "users", "add", "x", "--role", "superuser", "--config", configFile().toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("superuser");
    }

    @Test
    void recordsImportReportsBadRowsByLineAndImportsTheRest() throws Exception {
        Path csv = dir.resolve("records.csv");
        Files.writeString(csv, """
                type,id,name,first_name,middle_name,last_name,email,company,title,phone,fax,mobile,street,city,state,postal_code,country,notes,parent_id
                account,6f1c2a4e-0d1b-4c55-9a3e-1b2c3d4e5f60,Globex,,,,info@globex.example,,,,,,,,,,,,
                spaceship,,Enterprise,,,,,,,,,,,,,,,,
                contact,,,Hank,,Scorpio,hank@globex.example,,,,,,,,,,,,6f1c2a4e-0d1b-4c55-9a3e-1b2c3d4e5f60
                """, StandardCharsets.UTF_8);

        int exit = CrmBridgeCommand.execute(Map.of(), "records", "import", csv.toString(), "--config", configFile().toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).contains("2 created").contains("1 rejected");
        assertThat(err.toString()).contains("records.csv:3:");
    }

    @Test
    void recordsImportTakesAnOwnerColumnAndItsHelpNamesIt() throws Exception {
        Path csv = dir.resolve("owners.csv");
        Files.writeString(csv, """
                type,id,name,owner
                contact,7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d,Hank Scorpio,jdoe
                """, StandardCharsets.UTF_8);

        int exit = CrmBridgeCommand.execute(Map.of(), "records", "import", csv.toString(), "--config", configFile().toString());

        assertThat(exit).as(err.toString()).isEqualTo(0);
        try (CrmBackend backend = CrmBackend.start(BackendSettings.embedded(dir.resolve("data")).withWorkers(0))) {
            assertThat(backend.records().find(java.util.UUID.fromString("7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"))
                    .orElseThrow().owner()).isEqualTo("jdoe");
        }
        out.reset();
        CrmBridgeCommand.execute(Map.of(), "records", "import", "--help");
        assertThat(out.toString()).contains("country,notes,parent_id,owner").contains("owner the alias of the owner's Exchange mailbox");
    }

    @Test
    void aMissingFileIsOneLineAndExitOne() throws Exception {
        int exit = CrmBridgeCommand.execute(Map.of(), "records", "import", dir.resolve("nope.csv").toString(), "--config", configFile().toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("crm-bridge: ").contains("nope.csv").doesNotContain("\n");
    }

    @Test
    void importMailFeedsFilesToARunningServer() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.writeString(inbox.resolve("1.eml"), "Message-ID: <1@x>\r\nFrom: a@customer.example\r\nSubject: hello\r\n\r\nbody\r\n");
        Files.writeString(inbox.resolve("2.eml"), "Message-ID: <2@x>\r\nFrom: b@customer.example\r\nSubject: again\r\n\r\nbody\r\n");
        Files.writeString(inbox.resolve("3.eml"), "no headers at all, just words\r\n");
        try (RunningBridge bridge = RunningBridge.start(dir.resolve("server"))) {
            Map<String, String> env = Map.of("CRMBRIDGE_USER", RunningBridge.userFor(Role.AGENT), "CRMBRIDGE_PASSWORD", RunningBridge.PASSWORD);
            String[] args = {"import-mail", inbox.toString(), "--mailbox", "jane.doe@acme.example", "--folder", "inbox",
                "--endpoint", bridge.url("mail")};

            int first = CrmBridgeCommand.execute(env, args);
            assertThat(first).as(err.toString()).isEqualTo(2);
            assertThat(out.toString()).contains("2 read, 2 accepted, 0 already there, 0 rejected, 1 unreadable");
            assertThat(err.toString()).contains("3.eml");

            Files.delete(inbox.resolve("3.eml"));
            out.reset();
            int second = CrmBridgeCommand.execute(env, args);
            assertThat(second).isEqualTo(0);
            assertThat(out.toString()).contains("2 read, 0 accepted, 2 already there");
        }
    }

    @Test
    void importMailWithoutAServerFailsWithOneLine() throws Exception {
        Files.writeString(dir.resolve("1.eml"), "Message-ID: <1@x>\r\nFrom: a@customer.example\r\nSubject: hello\r\n\r\nbody\r\n");
        Map<String, String> env = Map.of("CRMBRIDGE_USER", "u", "CRMBRIDGE_PASSWORD", "p");
        int exit = CrmBridgeCommand.execute(env, "import-mail", dir.resolve("1.eml").toString(), "--mailbox", "jane@acme.example",
                "--folder", "inbox", "--endpoint", "http://127.0.0.1:1/services/mail");
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("crm-bridge: the server stopped acknowledging").contains("UNREACHABLE");
    }

    @Test
    void theDemoRecordsTaggedMailAndExplainsTheRest() {
        int exit = CrmBridgeCommand.execute(Map.of(), "demo", "--exit", "--port", "0", "--data", dir.resolve("demo").toString());

        String printed = out.toString();
        assertThat(exit).as(err.toString()).isEqualTo(0);
        assertThat(printed).contains("Imported 5 CRM records");
        assertThat(printed).containsPattern("Re: Quote for 500 seats.*RECORDED\\s+opportunity \"Globex – 500 seats\"\\s+TAG");
        assertThat(printed).containsPattern("Lunch next week\\?\\s+RECORDED\\s+contact \"Hank Scorpio\"\\s+ADDRESS hank@globex.example");
        assertThat(printed).containsPattern("Ticket update CRM:1234:MRC\\s+UNRESOLVED.*NO_MATCH");
        assertThat(printed).containsPattern("Invoice 77.*UNRESOLVED.*UNKNOWN_RECORD");
        assertThat(printed).containsPattern("Teklif – Ağaoğlu & Sons.*RECORDED\\s+lead");
        assertThat(printed).containsPattern("SENT\\s+Your Outlook add-in problem.*RECORDED\\s+case");
        assertThat(printed).contains("Demo user:         demo / ");
    }

    private Path configFile() throws Exception {
        Path config = dir.resolve("crm-bridge.properties");
        Files.writeString(config, "data.dir=" + dir.resolve("data").toString().replace("\\", "/") + "\n");
        return config;
    }
}
