package io.crmbridge.ws.cli;

import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.exchange.sync.ContactSync;
import io.crmbridge.backend.exchange.sync.ContactSyncSettings;
import io.crmbridge.backend.record.CsvImportReport;
import io.crmbridge.backend.record.CsvRowError;
import io.crmbridge.ws.config.CrmBridgeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code records}: CRM records from files. */
@Command(name = "records", mixinStandardHelpOptions = true, description = "Manages CRM records.",
        subcommands = {RecordsCommand.Import.class})
final class RecordsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Imports CRM records from a UTF-8 CSV file with the header:",
                "type,id,name,first_name,middle_name,last_name,email,company,title,phone,fax,mobile,street,city,state,postal_code,country,notes,parent_id,owner",
                "Columns may be left out, except type; a column left out is empty (an upsert replaces every field, the owner too).",
                "type is account, contact, lead, opportunity or case; id a GUID (generated when empty); several emails separated by ';';",
                "owner the alias of the owner's Exchange mailbox (exchange.contacts.targets=owner sends a contact there only).",
                "A bad row is reported with its line number and the others are imported. Exit 0: all imported; 2: some rows rejected; 1: failure.",
                "With contact sync configured, changed contacts are queued for Exchange."})
    static final class Import implements java.util.concurrent.Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "FILE.csv")
        Path file;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new CommandFailure("no such file: " + file);
            }
            QuietLogs.unlessAsked(config.environment());
            CsvImportReport report;
            CrmBridgeConfig settings = config.load();
            try (CrmBackend backend = CrmBackend.start(settings.backend().withWorkers(0));
                    Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                report = backend.records().importCsv(csv);
                // Queued here, pushed by the server's workers (or by "contacts sync").
                Optional<ContactSyncSettings> contacts = settings.contactSync();
                if (contacts.isPresent()) {
                    try (ContactSync sync = backend.contactSync(contacts.get())) {
                        System.out.printf("%d contact changes queued for Exchange%n", sync.enqueueAll(Optional.empty()));
                    }
                }
            }
            for (CsvRowError error : report.errors()) {
                System.err.println(file + ":" + error.line() + ": " + error.reason());
            }
            System.out.printf("%d created, %d updated, %d rejected%n", report.created(), report.updated(), report.errors().size());
            return report.errors().isEmpty() ? CrmBridgeCommand.OK : CrmBridgeCommand.PARTIAL;
        }
    }
}
