package org.exhunt.evidence;

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
import org.exhunt.evidence.collector.CollectionLayout;
import org.exhunt.evidence.collector.LayoutDetector;
import org.exhunt.evidence.collector.OutsideFiles;
import org.exhunt.evidence.collector.Placement;

/**
 * A directory holding a server's drives: a copy of {@code C:\} (or {@code C:\} itself), a KAPE target folder,
 * an extracted Velociraptor or CyLR collection; the layout is found from the first levels. Symbolic links,
 * and on Windows junctions and mount points, are not followed: each is reported and skipped, so a scan never
 * leaves the evidence it was given. The folder itself is the one exception: when the user names a link to a
 * folder, that folder is read (under the name given), since naming it is asking for it.
 */
public final class DirectorySource implements EvidenceSource {

    /** FILE_ATTRIBUTE_REPARSE_POINT: a junction, mount point or symbolic link on Windows. */
    private static final int REPARSE_POINT = 0x400;
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

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
        CollectionLayout layout = LayoutDetector.detect(new DirectoryTree(root));
        SourceNotes.layout(root.toString(), layout, problems);
        OutsideFiles outside = new OutsideFiles(root.toString(), layout);
        Path start;
        try {
            start = linked(root) ? root.toRealPath() : root;
        } catch (IOException e) {
            problems.accept(Diagnostic.error("source.unlistable", SourceRef.file(root.toString()),
                    "could not be walked: " + describe(e)));
            return;
        }
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path walked, BasicFileAttributes attrs) {
                    Path dir = given(walked);
                    if (!walked.equals(start) && isReparsePoint(walked)) {
                        problems.accept(Diagnostic.warning("source.symlink", SourceRef.file(ExactNames.of(dir)),
                                "junction or mount point not followed"));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path walked, BasicFileAttributes attrs) {
                    Path file = given(walked);
                    if (attrs.isSymbolicLink()) {
                        problems.accept(Diagnostic.warning("source.symlink", SourceRef.file(ExactNames.of(file)),
                                "symbolic link not followed" + linkTarget(walked)));
                    } else if (attrs.isRegularFile()) {
                        place(file, attrs, layout, outside, files, problems);
                    } else if (!attrs.isDirectory()) {
                        problems.accept(Diagnostic.warning("source.special", SourceRef.file(ExactNames.of(file)),
                                "not a regular file; skipped"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path walked, IOException e) {
                    problems.accept(Diagnostic.error("source.unlistable", SourceRef.file(ExactNames.of(given(walked))),
                            "could not be listed or read: " + describe(e)));
                    return FileVisitResult.CONTINUE;
                }

                /** A path of the walk under the name the user gave (the link, when the folder was named by one). */
                private Path given(Path walked) {
                    return start == root ? walked : root.resolve(start.relativize(walked));
                }
            });
        } catch (IOException e) {
            problems.accept(Diagnostic.error("source.unlistable", SourceRef.file(root.toString()),
                    "could not be walked: " + describe(e)));
        }
        outside.report(problems);
    }

    private void place(Path file, BasicFileAttributes attrs, CollectionLayout layout, OutsideFiles outside,
                       Consumer<EvidenceFile> files, Consumer<Diagnostic> problems) {
        List<String> segments = new ArrayList<>();
        for (Path name : root.relativize(file)) segments.add(ExactNames.name(name));
        Placement placement = layout.place(segments);
        if (placement instanceof Placement.OnDrive on) {
            files.accept(new LocalFile(file, attrs, on.drive(), on.path(), opener));
        } else if (placement instanceof Placement.Outside out) {
            outside.add(out, String.join("/", segments));
        } else if (placement instanceof Placement.Refused refused) {
            problems.accept(Diagnostic.error("source.unsafe-name", SourceRef.file(ExactNames.of(file)),
                    "not read: " + refused.reason()));
        }
    }

    /** Whether the folder given is a link to one: a symbolic link, or on Windows a junction or mount point. */
    private static boolean linked(Path root) {
        return Files.isSymbolicLink(root) || isReparsePoint(root);
    }

    /** Junctions and mount points look like directories to Java on Windows; their attributes tell. */
    private static boolean isReparsePoint(Path dir) {
        if (!WINDOWS) return false;
        try {
            Object attributes = Files.getAttribute(dir, "dos:attributes", LinkOption.NOFOLLOW_LINKS);
            return attributes instanceof Integer bits && (bits & REPARSE_POINT) != 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
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
}
