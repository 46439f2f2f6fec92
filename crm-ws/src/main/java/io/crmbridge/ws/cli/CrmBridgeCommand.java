package io.crmbridge.ws.cli;

import io.crmbridge.backend.BackendException;
import io.crmbridge.ws.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code crm-bridge} command line: serve, demo, records import, contacts, import-mail, users. */
@Command(
        name = "crm-bridge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Tracks Domino mail as CRM email activities. Run a command with --help for its options.",
        subcommands = {
            ServeCommand.class,
            DemoCommand.class,
            RecordsCommand.class,
            ContactsCommand.class,
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
        return execute(System.getenv(), args);
    }

    /** Runs a command line with the given environment variables (credentials, setting overrides). */
    public static int execute(java.util.Map<String, String> environment, String... args) {
        CommandLine line = new CommandLine(new CrmBridgeCommand(), new EnvironmentFactory(environment));
        line.setExecutionExceptionHandler(CrmBridgeCommand::oneLineError);
        line.setParameterExceptionHandler(CrmBridgeCommand::oneLineUsageError);
        return line.execute(args);
    }

    /** Hands the environment to the commands that read it, so that tests need not change the real one. */
    private record EnvironmentFactory(java.util.Map<String, String> environment) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            K created = CommandLine.defaultFactory().create(type);
            if (created instanceof NeedsEnvironment needs) {
                needs.useEnvironment(environment);
            }
            return created;
        }
    }

    /** A command or option group that reads environment variables. */
    interface NeedsEnvironment {
        void useEnvironment(java.util.Map<String, String> environment);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int oneLineUsageError(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("crm-bridge: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return FAILED;
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
