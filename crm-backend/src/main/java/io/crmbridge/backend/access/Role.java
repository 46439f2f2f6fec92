package io.crmbridge.backend.access;

/** What an API user may call: an agent submits mail, an integrator manages records, an admin does everything. */
public enum Role {
    AGENT,
    INTEGRATOR,
    ADMIN
}
