package io.crmbridge.ws.cli;

import io.crmbridge.backend.BackendException;
import io.crmbridge.ws.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code crm-bridge} command line: serve, demo, records import, import-mail, users. */
@Command(
        name = "crm-bridge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Tracks Domino mail as CRM email activities. Run a command with --help for its options.",
        subcommands = {
            ServeCommand.class,
            DemoCommand.class,
            RecordsCommand.class,
            ImportMailCommand.class,
            UsersCommand.class,
            CommandLine.HelpCommand.class
        })
public final class CrmBridgeCommand implements Runnable {
    /** Exit code: everything worked. */
    public static final int OK = 0;
    /** Exit code: the command could not do its job. */
    public static final int FAILED = 1;
    /** Exit code: done, but some input was skipped or rejected. */
    public static final int PARTIAL = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and answers its exit code (no System.exit, so tests can call it). */
    public static int execute(String... args) {
        CommandLine line = new CommandLine(new CrmBridgeCommand());
        line.setExecutionExceptionHandler(CrmBridgeCommand::oneLineError);
        return line.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int oneLineError(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof ConfigException || e instanceof BackendException || e instanceof CommandFailure) {
            err.println("crm-bridge: " + e.getMessage());
        } else {
            err.println("crm-bridge: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            org.slf4j.LoggerFactory.getLogger(CrmBridgeCommand.class).debug("Command failed", e);
        }
        err.flush();
        return FAILED;
    }
}
