package io.crmbridge.agent.core.mail;

/** The name and size of a file attached to a message; the content itself is never sent. */
public final class AttachmentInfo {
    private final String name;
    private final long size;

    public AttachmentInfo(String name, long size) {
        if (name == null || name.trim().isEmpty()) {
            throw new IllegalArgumentException("an attachment needs a name");
        }
        if (size < 0) {
            throw new IllegalArgumentException("attachment size must not be negative: " + size);
        }
        this.name = name;
        this.size = size;
    }

    public String name() {
        return name;
    }

    public long size() {
        return size;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttachmentInfo && ((AttachmentInfo) o).name.equals(name) && ((AttachmentInfo) o).size == size;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Long.hashCode(size);
    }

    @Override
    public String toString() {
        return name + " (" + size + " bytes)";
    }
}
