package io.crmbridge.ws.importmail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Turns the paths given to {@code import-mail} into messages: an {@code .eml} file is one message, an
 * mbox file many, a directory everything of either kind below it (in name order, hidden files
 * skipped). A file that cannot be read is reported and the rest go on.
 */
public final class MailFiles {

    /** A file or message that could not be read, with the reason. */
    public record Unreadable(String origin, String reason) {
    }

    private MailFiles() {
    }

    /** The regular files the paths stand for, in order; a path that does not exist is reported. */
    public static List<Path> expand(List<Path> paths, Consumer<Unreadable> onUnreadable) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .filter(MailFiles::isMailFile)
                            .sorted()
                            .forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    onUnreadable.accept(new Unreadable(path.toString(), "cannot list the directory: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                onUnreadable.accept(new Unreadable(path.toString(), "no such file or directory"));
            }
        }
        return files;
    }

    /** Feeds every message of the files to the consumer, one at a time. */
    public static void read(List<Path> files, Consumer<RawMail> onMail, Consumer<Unreadable> onUnreadable) {
        for (Path file : files) {
            try {
                if (MboxReader.looksLikeMbox(file)) {
                    try (MboxReader mbox = new MboxReader(file)) {
                        mbox.forEachRemaining(onMail);
                    }
                } else {
                    onMail.accept(new RawMail(file.toString(), Files.readAllBytes(file)));
                }
            } catch (IOException | UncheckedIOException e) {
                onUnreadable.accept(new Unreadable(file.toString(), "cannot read the file: " + e.getMessage()));
            }
        }
    }

    private static boolean isMailFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".eml") || name.endsWith(".mbox") || name.endsWith(".mbx")) {
            return true;
        }
        try {
            return !name.contains(".") && MboxReader.looksLikeMbox(file);
        } catch (IOException e) {
            return false;
        }
    }
}
