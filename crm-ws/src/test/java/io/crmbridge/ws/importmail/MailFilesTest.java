package io.crmbridge.ws.importmail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailFilesTest {
    @TempDir
    Path dir;

    @Test
    void anMboxIsSplitAtFromLinesAndEscapedFromLinesAreRestored() throws Exception {
        Path mbox = dir.resolve("archive.mbox");
        Files.writeString(mbox, """
                From a@x Mon Nov 16 09:12:00 2026
                Subject: one

                line
                >From the start of a line

                From b@x Mon Nov 16 09:13:00 2026
                Subject: two

                From is fine here
                """, StandardCharsets.UTF_8);
        List<RawMail> mails = read(List.of(mbox), new ArrayList<>());

        assertThat(mails).hasSize(2);
        assertThat(mails.get(0).origin()).endsWith("archive.mbox#1");
        assertThat(new String(mails.get(0).bytes(), StandardCharsets.UTF_8))
                .startsWith("Subject: one").contains("\nFrom the start of a line\n").doesNotContain("From b@x");
        assertThat(new String(mails.get(1).bytes(), StandardCharsets.UTF_8)).contains("Subject: two").contains("From is fine here");
    }

    @Test
    void directoriesAreWalkedInNameOrderAndMissingPathsReported() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("b.eml"), "Subject: b\n\nbody\n");
        Files.writeString(sub.resolve("a.eml"), "Subject: a\n\nbody\n");
        Files.writeString(dir.resolve("notes.txt"), "not mail");
        Files.writeString(dir.resolve(".hidden.eml"), "Subject: hidden\n\n");
        List<MailFiles.Unreadable> problems = new ArrayList<>();

        List<RawMail> mails = read(List.of(dir, dir.resolve("missing.eml")), problems);

        assertThat(mails).extracting(RawMail::origin).containsExactly(dir.resolve("b.eml").toString(), sub.resolve("a.eml").toString());
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.reason()).isEqualTo("no such file or directory"));
    }

    private static List<RawMail> read(List<Path> paths, List<MailFiles.Unreadable> problems) {
        List<RawMail> mails = new ArrayList<>();
        MailFiles.read(MailFiles.expand(paths, problems::add), mails::add, problems::add);
        return mails;
    }
}
