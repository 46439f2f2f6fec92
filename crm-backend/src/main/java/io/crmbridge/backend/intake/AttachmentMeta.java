package io.crmbridge.backend.intake;

import java.util.Objects;

/** The name and size of an attachment; the content itself is never submitted. */
public record AttachmentMeta(String name, long size) {
    public AttachmentMeta {
        name = Objects.requireNonNullElse(name, "");
    }
}
