package io.crmbridge.design.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Tiny stand-in agent jars for tests that must not depend on the real agent build. */
public final class AgentJars {
    public static final String INBOX = "io/crmbridge/agent/domino/InboxAgent.class";
    public static final String SENT = "io/crmbridge/agent/domino/SentAgent.class";
    public static final String TAG_ON_SEND = "io/crmbridge/agent/domino/TagOnSendAgent.class";

    private AgentJars() {
    }

    /** A jar at {@code file} holding the named entries (with placeholder content). */
    public static Path jar(Path file, String... entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            for (String entry : entries) {
                jar.putNextEntry(new JarEntry(entry));
                jar.write(("bytes of " + entry).getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }
}
