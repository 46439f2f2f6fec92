package io.crmbridge.ws.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmbridge.fixtures.exchange.Fault;
import io.crmbridge.fixtures.exchange.FakeExchange;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crm-bridge records import} then {@code contacts sync} and {@code contacts status}, against an emulated Exchange. */
class ContactsCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private FakeExchange exchange;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        exchange = FakeExchange.start().user("CORP\\svc", "pw").folder("jdoe", "Kontakte").folder("ayşe", "Kişiler");
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        exchange.close();
    }

    @Test
    void importQueuesSyncPushesWithASummaryAndStatusShowsWhatFailed() throws Exception {
        Path config = configFile(true);
        Path csv = dir.resolve("records.csv");
        Files.writeString(csv, """
                type,name,first_name,last_name,email,company
                contact,,Ann,Lee,ann@example.com,Acme & Sons
                contact,,Bob,Roe,bob@example.com,
                account,Acme,,,,
                """, StandardCharsets.UTF_8);
        exchange.inject(Fault.forbidden().onPathContaining("/ayşe/"));

        assertThat(CrmBridgeCommand.execute(Map.of(), "records", "import", csv.toString(), "--config", config.toString()))
                .as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("4 contact changes queued for Exchange");
        out.reset();

        int exit = CrmBridgeCommand.execute(Map.of(), "contacts", "sync", "--config", config.toString());

        assertThat(exit).as(err.toString()).isEqualTo(2);
        assertThat(out.toString()).contains("2 created, 0 updated, 0 unchanged, 0 deleted, 0 conflicts, 2 failed");
        assertThat(exchange.items("jdoe", "Kontakte")).hasSize(2);
        out.reset();

        assertThat(CrmBridgeCommand.execute(Map.of(), "contacts", "status", "--config", config.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("jdoe/Kontakte: 2 synced, 0 pending, 0 failed")
                .contains("ayşe/Kişiler: 0 synced, 0 pending, 2 failed").contains("FORBIDDEN");
        out.reset();

        exchange.clearFaults();
        exit = CrmBridgeCommand.execute(Map.of(), "contacts", "sync", "--full", "--mailbox", "ayşe", "--config", config.toString());

        assertThat(exit).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("2 created, 0 updated, 0 unchanged, 0 deleted, 0 conflicts, 0 failed");
    }

    @Test
    void withoutMailboxesContactSyncIsOffWithOneReadableError() throws Exception {
        int exit = CrmBridgeCommand.execute(Map.of(), "contacts", "sync", "--config", configFile(false).toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("exchange.contacts.mailboxes");
    }

    private Path configFile(boolean withExchange) throws Exception {
        Path config = dir.resolve("crm-bridge.properties");
        String text = "data.dir=" + dir.resolve("data").toString().replace("\\", "/") + "\n";
        if (withExchange) {
            text += "exchange.server.main.url=" + exchange.baseUri() + "\n"
                    + "exchange.server.main.user=CORP\\\\svc\n"
                    + "exchange.server.main.password=pw\n"
                    + "exchange.contacts.mailboxes=jdoe, ayşe\n"
                    + "exchange.contacts.folder=Kontakte\n"
                    + "exchange.contacts.mailbox.ayşe.folder=Kişiler\n"
                    + "exchange.contacts.poll-millis=20\n";
        }
        Files.writeString(config, text, StandardCharsets.UTF_8);
        return config;
    }
}
