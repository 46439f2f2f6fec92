package io.crmbridge.ws.access;

import io.crmbridge.backend.access.Role;
import java.util.Map;
import java.util.Set;

/**
 * Which roles may call which operation of one service. An operation not listed is open to admins
 * only, so a new operation is never callable by accident.
 */
public record OperationRoles(String serviceNamespace, Map<String, Set<Role>> allowed) {

    public OperationRoles {
        allowed = Map.copyOf(allowed);
    }

    public boolean permits(Role role, String operation) {
        return role == Role.ADMIN || allowed.getOrDefault(operation, Set.of()).contains(role);
    }
}
