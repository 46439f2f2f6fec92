package io.crmbridge.backend;

/** What the health endpoint reports about the store: reachable or not, which product, and the backlog. */
public record DatabaseHealth(boolean up, String database, String detail, long queuedSubmissions) {
}
