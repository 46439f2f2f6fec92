package io.crmbridge.ws.cli;

import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.access.ApiUser;
import io.crmbridge.backend.access.Role;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code users}: the accounts that may call the SOAP services, and their roles. */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manages the users that may call the SOAP services. Works whether or not the server is running.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Remove.class})
final class UsersCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The roles as the command line spells them. */
    enum RoleName {
        agent(Role.AGENT), integrator(Role.INTEGRATOR), admin(Role.ADMIN);

        final Role role;

        RoleName(Role role) {
            this.role = role;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds a user, or replaces the role and password of an existing one. The password is prompted for, or read from the first line of standard input when it is not a terminal.")
    static final class Add implements java.util.concurrent.Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "NAME", description = "User name.")
        String name;

        @Option(names = "--role", required = true, description = "agent (SubmitMail, GetMailStatus), integrator (records service) or admin (everything): ${COMPLETION-CANDIDATES}.")
        RoleName role;

        @Override
        public Integer call() throws IOException {
            char[] password = readPassword();
            QuietLogs.unlessAsked(config.environment());
            try (CrmBackend backend = CrmBackend.start(config.load().backend().withWorkers(0))) {
                backend.apiUsers().add(name, role.role, password);
            } finally {
                Arrays.fill(password, '\0');
            }
            System.out.println("User " + name + " can now call the services as " + role.name().toLowerCase(Locale.ROOT) + ".");
            return CrmBridgeCommand.OK;
        }

        private static char[] readPassword() throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("Password: ");
                char[] second = console.readPassword("Password again: ");
                if (first == null || second == null || !Arrays.equals(first, second)) {
                    throw new CommandFailure("the two passwords differ; nothing was changed");
                }
                Arrays.fill(second, '\0');
                return first;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new CommandFailure("no password on standard input; nothing was changed");
            }
            return line.toCharArray();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the users and their roles.")
    static final class ListUsers implements java.util.concurrent.Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Override
        public Integer call() {
            QuietLogs.unlessAsked(config.environment());
            try (CrmBackend backend = CrmBackend.start(config.load().backend().withWorkers(0))) {
                for (ApiUser user : backend.apiUsers().list()) {
                    System.out.printf("%-30s %s%n", user.name(), user.role().name().toLowerCase(Locale.ROOT));
                }
            }
            return CrmBridgeCommand.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a user.")
    static final class Remove implements java.util.concurrent.Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            QuietLogs.unlessAsked(config.environment());
            try (CrmBackend backend = CrmBackend.start(config.load().backend().withWorkers(0))) {
                if (!backend.apiUsers().remove(name)) {
                    throw new CommandFailure("no user named " + name);
                }
            }
            System.out.println("User " + name + " removed.");
            return CrmBridgeCommand.OK;
        }
    }
}
