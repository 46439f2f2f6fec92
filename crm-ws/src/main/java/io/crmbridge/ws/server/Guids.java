package io.crmbridge.ws.server;

import java.util.Optional;
import java.util.UUID;

/** Record and activity ids as callers write them: a GUID, with or without braces. */
public final class Guids {
    private Guids() {
    }

    public static Optional<UUID> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.trim().replaceAll("^\\{|\\}$", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
