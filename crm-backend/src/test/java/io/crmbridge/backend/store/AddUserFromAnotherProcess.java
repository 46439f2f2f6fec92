package io.crmbridge.backend.store;

import io.crmbridge.backend.BackendSettings;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.access.Role;

import java.nio.file.Path;

/** The child process of {@link MixedModeTest}: what {@code crm-bridge users add} does while a server runs. */
public final class AddUserFromAnotherProcess {
    public static void main(String[] args) {
        try (CrmBackend backend = CrmBackend.start(BackendSettings.embedded(Path.of(args[0])).withWorkers(0))) {
            backend.apiUsers().add(args[1], Role.AGENT, args[2].toCharArray());
        }
        System.out.println("ADDED");
    }
}
