package io.crmbridge.ws.cli;

import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.exchange.sync.ContactSync;
import io.crmbridge.backend.exchange.sync.ContactSyncSettings;
import io.crmbridge.backend.exchange.sync.SyncConflict;
import io.crmbridge.backend.exchange.sync.SyncProblem;
import io.crmbridge.backend.exchange.sync.SyncStatus;
import io.crmbridge.backend.exchange.sync.SyncSummary;
import io.crmbridge.ws.config.CrmBridgeConfig;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code contacts}: CRM contacts in Exchange mailboxes. */
@Command(name = "contacts", mixinStandardHelpOptions = true, description = "Syncs CRM contacts into Exchange mailboxes.",
        subcommands = {ContactsCommand.Sync.class, ContactsCommand.Status.class})
final class ContactsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static ContactSyncSettings settings(CrmBridgeConfig config) {
        return config.contactSync().orElseThrow(() ->
                new CommandFailure("contact sync is off: set exchange.contacts.mailboxes (and exchange.server.<id>.url)"));
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Pushes queued contact changes to Exchange and waits until they are done, showing progress.",
                "--full first compares every CRM contact with what was pushed (an unchanged contact costs no request),",
                "deletes contacts gone from the CRM and retries failed ones.",
                "Exit 0: all done; 2: some failed or are still waiting to be retried; 1: failure."})
    static final class Sync implements java.util.concurrent.Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Option(names = "--mailbox", paramLabel = "ALIAS", description = "Only this mailbox.")
        String mailbox;

        @Option(names = "--full", description = "Compare every contact, not just the queued changes.")
        boolean full;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3600",
                description = "Stop waiting after this long (default: ${DEFAULT-VALUE}); what is left stays queued.")
        long timeoutSeconds;

        @Override
        public Integer call() {
            QuietLogs.unlessAsked(config.environment());
            CrmBridgeConfig loaded = config.load();
            ContactSyncSettings settings = settings(loaded);
            SyncSummary summary;
            try (CrmBackend backend = CrmBackend.start(loaded.backend().withWorkers(0));
                 ContactSync sync = backend.contactSync(settings)) {
                summary = sync.syncAll(Optional.ofNullable(mailbox), full, Duration.ofSeconds(timeoutSeconds),
                        progress -> System.err.println("... " + progress));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage());
            }
            System.out.println(summary);
            return summary.failed() == 0 && summary.pending() == 0 ? CrmBridgeCommand.OK : CrmBridgeCommand.PARTIAL;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Shows per mailbox how many contacts are synced, pending, failed or in conflict, and why some failed.")
    static final class Status implements java.util.concurrent.Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Option(names = "--mailbox", paramLabel = "ALIAS", description = "Only this mailbox.")
        String mailbox;

        @Override
        public Integer call() {
            QuietLogs.unlessAsked(config.environment());
            CrmBridgeConfig loaded = config.load();
            ContactSyncSettings settings = settings(loaded);
            try (CrmBackend backend = CrmBackend.start(loaded.backend().withWorkers(0));
                 ContactSync sync = backend.contactSync(settings)) {
                Optional<String> only = Optional.ofNullable(mailbox);
                SyncStatus status = sync.status(only);
                for (SyncStatus.MailboxStatus m : status.mailboxes()) {
                    System.out.printf("%s/%s: %d synced, %d pending, %d failed, %d in conflict%n", m.mailbox(), m.folder(),
                            m.synced(), m.pending(), m.failed(), m.conflicts());
                }
                for (SyncProblem p : status.problems()) {
                    System.out.printf("%s %s in %s: %s %s (%d attempts)%n", p.state(), p.crmId(), p.mailbox(), p.code(),
                            p.reason(), p.attempts());
                }
                for (SyncConflict c : sync.conflicts(only, 20)) {
                    System.out.printf("conflict %s in %s: %s at %s%n", c.crmId(), c.mailbox(), c.resolution(), c.detectedAt());
                }
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(e.getMessage());
            }
            return CrmBridgeCommand.OK;
        }
    }
}
