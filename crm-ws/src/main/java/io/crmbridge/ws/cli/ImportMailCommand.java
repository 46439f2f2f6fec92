package io.crmbridge.ws.cli;

import io.crmbridge.agent.core.mail.Folder;
import io.crmbridge.agent.core.soap.SoapClientSettings;
import io.crmbridge.agent.core.soap.SoapMailClient;
import io.crmbridge.agent.core.submit.MailSubmitter;
import io.crmbridge.agent.core.submit.SubmitterSettings;
import io.crmbridge.ws.importmail.MailImport;
import io.crmbridge.ws.importmail.MimeMailParser;
import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import-mail}: .eml files, directories and mbox files through the agent's core to a running server. */
@Command(name = "import-mail", mixinStandardHelpOptions = true,
        description = {"Feeds .eml files, directories of them and mbox files to a running CRM Bridge server, through the same tag parser, batching and SOAP client as the Domino agent.",
            "Credentials: --user (password prompted) or the environment variables CRMBRIDGE_USER and CRMBRIDGE_PASSWORD.",
            "Exit 0: everything accepted (or already there); 2: some messages skipped or rejected; 1: failure."})
final class ImportMailCommand implements java.util.concurrent.Callable<Integer>, CrmBridgeCommand.NeedsEnvironment {
    private java.util.Map<String, String> environment = System.getenv();

    /** The folders as the command line spells them. */
    enum FolderName {
        inbox(Folder.INBOX), sent(Folder.SENT);

        final Folder folder;

        FolderName(Folder folder) {
            this.folder = folder;
        }
    }

    @Parameters(paramLabel = "PATH", arity = "1..*", description = ".eml files, directories or mbox files.")
    List<Path> paths;

    @Option(names = "--mailbox", required = true, paramLabel = "ADDRESS", description = "Internet address of the mailbox the mail belongs to.")
    String mailbox;

    @Option(names = "--folder", required = true, description = "inbox (received mail) or sent: ${COMPLETION-CANDIDATES}.")
    FolderName folder;

    @Option(names = "--endpoint", paramLabel = "URL", defaultValue = "http://localhost:8080/services/mail",
            description = "The mail service (default: ${DEFAULT-VALUE}).")
    String endpoint;

    @Option(names = "--user", description = "User name; the password is prompted for.")
    String user;

    @Option(names = "--batch-size", defaultValue = "50", description = "Messages per SOAP call (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--body-limit", defaultValue = "65536", description = "Characters of body text kept per message (default: ${DEFAULT-VALUE}).")
    int bodyLimit;

    @Override
    public Integer call() {
        QuietLogs.unlessAsked(environment);
        Credentials credentials = credentials();
        SoapMailClient client = client(endpoint, credentials.user(), credentials.password());
        Arrays.fill(credentials.password(), '\0');
        MailImport.Summary summary = run(client, paths, mailbox, folder.folder, batchSize, bodyLimit, System.err);
        System.out.printf(Locale.ROOT, "%d read, %d accepted, %d already there, %d rejected, %d unreadable, %d not acknowledged%n",
                summary.read(), summary.accepted(), summary.duplicates(), summary.rejected(), summary.unreadable(), summary.unacknowledged());
        if (summary.failure().isPresent()) {
            throw new CommandFailure("the server stopped acknowledging (" + summary.failure().get()
                    + "); nothing unacknowledged was lost, run the import again");
        }
        return summary.complete() ? CrmBridgeCommand.OK : CrmBridgeCommand.PARTIAL;
    }

    static SoapMailClient client(String endpoint, String user, char[] password) {
        try {
            return new SoapMailClient(SoapClientSettings.builder(endpoint).credentials(user, password).build(), new Slf4jAgentLog());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    static MailImport.Summary run(SoapMailClient client, List<Path> paths, String mailbox, Folder folder, int batchSize, int bodyLimit,
            PrintStream progressOut) {
        Progress progress = new Progress(progressOut, System.console() != null);
        MailImport importer = new MailImport(new MimeMailParser(mailbox, folder, bodyLimit), progress);
        MailSubmitter submitter = new MailSubmitter(client, SubmitterSettings.defaults().withBatchSize(batchSize), new Slf4jAgentLog());
        try {
            return importer.run(paths, submitter);
        } finally {
            progress.done();
            submitter.close();
        }
    }

    private Credentials credentials() {
        if (user != null) {
            Console console = System.console();
            if (console == null) {
                throw new CommandFailure("--user needs a terminal for the password prompt; set CRMBRIDGE_USER and CRMBRIDGE_PASSWORD instead");
            }
            char[] password = console.readPassword("Password for %s: ", user);
            return new Credentials(user, password == null ? new char[0] : password);
        }
        String envUser = Optional.ofNullable(environment.get("CRMBRIDGE_USER")).orElse("");
        String envPassword = Optional.ofNullable(environment.get("CRMBRIDGE_PASSWORD")).orElse("");
        if (envUser.isBlank() || envPassword.isEmpty()) {
            throw new CommandFailure("no credentials: use --user NAME, or set CRMBRIDGE_USER and CRMBRIDGE_PASSWORD");
        }
        return new Credentials(envUser, envPassword.toCharArray());
    }

    @Override
    public void useEnvironment(java.util.Map<String, String> environment) {
        this.environment = environment;
    }

    private record Credentials(String user, char[] password) {
    }

    /** One updating line on a terminal; a line every 10,000 messages otherwise; problems always. */
    private static final class Progress implements MailImport.Listener {
        private final PrintStream out;
        private final boolean terminal;
        private long lastShown;
        private int read;

        Progress(PrintStream out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        @Override
        public void read(int messagesRead, String origin) {
            read = messagesRead;
            long now = System.nanoTime();
            if (terminal && now - lastShown > 200_000_000L) {
                lastShown = now;
                out.printf(Locale.ROOT, "\r%,d messages read", messagesRead);
            } else if (!terminal && messagesRead % 10_000 == 0) {
                out.printf(Locale.ROOT, "%,d messages read%n", messagesRead);
            }
        }

        @Override
        public void problem(String origin, String reason) {
            out.println((terminal ? "\r" : "") + "skipped " + origin + ": " + reason);
        }

        void done() {
            if (terminal && read > 0) {
                out.printf(Locale.ROOT, "\r%,d messages read%n", read);
            }
        }
    }
}
