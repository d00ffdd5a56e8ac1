package org.exhunt.hunt.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;

/**
 * A directory laid out like a server's system drive ({@code C:\} itself, or a copy of it). Symbolic links
 * are not followed: a link is reported and skipped, so a scan never leaves the evidence it was given.
 */
public final class DirectorySource implements EvidenceSource {

    private final Path root;
    private final FileOpener opener;

    public DirectorySource(Path root, FileOpener opener) {
        this.root = root;
        this.opener = opener;
    }

    public DirectorySource(Path root) {
        this(root, FileOpener.READ_ONLY);
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public void walk(Consumer<EvidenceFile> files, Consumer<Diagnostic> problems) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink()) {
                        problems.accept(Diagnostic.warning("source.symlink", SourceRef.file(file.toString()),
                                "symbolic link not followed" + linkTarget(file)));
                    } else if (attrs.isRegularFile()) {
                        files.accept(new LocalFile(file, attrs));
                    } else if (!attrs.isDirectory()) {
                        problems.accept(Diagnostic.warning("source.special", SourceRef.file(file.toString()),
                                "not a regular file; skipped"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.accept(Diagnostic.error("source.unlistable", SourceRef.file(file.toString()),
                            "could not be listed or read: " + describe(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.accept(Diagnostic.error("source.unlistable", SourceRef.file(root.toString()),
                    "could not be walked: " + describe(e)));
        }
    }

    private static String linkTarget(Path link) {
        try {
            return " (points to " + Files.readSymbolicLink(link) + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }

    private final class LocalFile implements EvidenceFile {
        private final Path file;
        private final BasicFileAttributes attrs;

        LocalFile(Path file, BasicFileAttributes attrs) {
            this.file = file;
            this.attrs = attrs;
        }

        @Override
        public String drivePath() {
            return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        }

        @Override
        public SourceRef ref() {
            return SourceRef.file(file.toString());
        }

        @Override
        public long size() {
            return attrs.size();
        }

        @Override
        public Instant modified() {
            return attrs.lastModifiedTime().toInstant();
        }

        @Override
        public InputStream open() throws IOException {
            return opener.open(file);
        }
    }
}
