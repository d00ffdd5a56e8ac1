package org.exhunt.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;
import org.exhunt.evidence.ExactNames;

/**
 * The logs {@code dump} and {@code sigma} read: files named on the command line, and the files of folders named
 * there. Only regular files are opened: opening a FIFO blocks until something writes to it, and a device such as
 * {@code /dev/zero} never ends. A named input that is neither a regular file nor a folder is refused at once (a
 * usage error, as {@code scan} refuses it); in a folder, each such entry is skipped and said so.
 */
final class LogInputs {

    /** Unix file-type bits of {@code unix:mode} (stat's {@code st_mode}). */
    private static final int TYPE = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private LogInputs() {}

    /**
     * Why an existing named input cannot be read, or null when it can (a regular file or a folder, links followed).
     */
    static String refusal(Path p) {
        if (Files.isDirectory(p) || Files.isRegularFile(p)) return null;
        return "not a regular file or folder: " + p + " (" + kind(p) + "; exhunt reads logs from files, and opening"
                + " this would block or never end)";
    }

    /**
     * The regular files of a folder and its subfolders, in name order (links to files followed, as a named file's
     * link is). Anything else but folders is reported to {@code skipped} (a warning), and what cannot be listed
     * too (an error: logs may be missed).
     */
    static List<Path> filesUnder(Path dir, Consumer<Diagnostic> skipped) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                } else {
                    skipped.accept(Diagnostic.warning("input.special", SourceRef.file(ExactNames.of(file)),
                            "not read: " + kind(file) + (Files.isDirectory(file) ? " (not followed)" : ", not a regular file")));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                skipped.accept(Diagnostic.error("input.io", SourceRef.file(ExactNames.of(file)),
                        "cannot be listed or read: " + e.getMessage()));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    /** What a file that is not a regular one is: a FIFO, a device, a socket, a link to one, to a folder or to nothing. */
    static String kind(Path p) {
        if (Files.isSymbolicLink(p)) {
            if (!Files.exists(p)) return "a symbolic link to nothing";
            return "a symbolic link to " + (Files.isDirectory(p) ? "a folder" : kind(p, true));
        }
        return kind(p, false);
    }

    private static String kind(Path p, boolean follow) {
        try {
            LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
            int type = ((Number) Files.getAttribute(p, "unix:mode", options)).intValue() & TYPE;
            return switch (type) {
                case FIFO -> "a FIFO (named pipe)";
                case CHARACTER_DEVICE, BLOCK_DEVICE -> "a device";
                case SOCKET -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }
}
