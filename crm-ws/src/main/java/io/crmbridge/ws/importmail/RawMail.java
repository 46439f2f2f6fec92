package io.crmbridge.ws.importmail;

/** One message's bytes as read from a file, with where it came from (a path, or an mbox path and position). */
public record RawMail(String origin, byte[] bytes) {
}
