package io.crmbridge.design.generate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The built agent jar: its exact bytes, which the DXL embeds, and the class files it holds. */
public final class AgentJar {

    private final Path path;
    private final byte[] bytes;
    private final Set<String> entries;

    private AgentJar(Path path, byte[] bytes, Set<String> entries) {
        this.path = path;
        this.bytes = bytes;
        this.entries = entries;
    }

    /** Reads the jar at {@code path}; fails clearly when it is missing, a directory or not a jar. */
    public static AgentJar read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            // Maven hands over target/classes when the agent module was not packaged in this build.
            throw new IOException(path + " is a directory, not the agent jar: build with 'package' or later"
                    + " (e.g. ./mvnw -pl nsf-design -am package) so domino-agent is packaged first");
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("the agent jar " + path + " does not exist");
        }
        byte[] bytes = Files.readAllBytes(path);
        Set<String> entries = new HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        if (entries.isEmpty()) {
            throw new IOException(path + " is not a jar (no entries)");
        }
        return new AgentJar(path, bytes, Collections.unmodifiableSet(entries));
    }

    public Path path() {
        return path;
    }

    /** A copy of the jar's bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** True when the jar holds {@code entry}, e.g. io/crmbridge/agent/domino/InboxAgent.class. */
    public boolean contains(String entry) {
        return entries.contains(entry);
    }
}
