package org.exhunt.spark;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;
import org.exhunt.evidence.EvidenceFile;
import org.exhunt.evidence.EvidenceSource;
import org.exhunt.evidence.SourceNotes;
import org.exhunt.evidence.collector.CollectionLayout;
import org.exhunt.evidence.collector.LayoutDetector;
import org.exhunt.evidence.collector.OutsideFiles;
import org.exhunt.evidence.collector.Placement;
import org.exhunt.evidence.collector.Tree;

/**
 * A folder (or an object store's prefix) holding one server's drives, read through Hadoop's {@link FileSystem}: the
 * collection's layout found from the first levels as for a local folder, every file placed on its drive and named
 * as the user named the folder ({@code s3a://bucket/ex01/inetpub/...}). Links are not followed; files are read, never
 * written. Modification times are what the file system keeps (milliseconds; an object store's upload time).
 */
final class HadoopDirectorySource implements EvidenceSource {

    private final FileSystem fs;
    private final Path root;
    private final String given;

    HadoopDirectorySource(FileSystem fs, Path root, String given) {
        this.fs = fs;
        this.root = root;
        this.given = given.endsWith("/") && given.length() > 1 ? given.substring(0, given.length() - 1) : given;
    }

    @Override
    public String describe() {
        return given;
    }

    @Override
    public void walk(Consumer<EvidenceFile> files, Consumer<Diagnostic> problems) {
        CollectionLayout layout = LayoutDetector.detect(new FolderTree());
        SourceNotes.layout(given, layout, problems);
        OutsideFiles outside = new OutsideFiles(given, layout);
        List<LocatedFileStatus> listed = new ArrayList<>();
        try {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
            while (it.hasNext()) listed.add(it.next());
        } catch (IOException e) {
            problems.accept(Diagnostic.error("source.unlistable", SourceRef.file(given), "could not be listed: " + e));
            return;
        }
        String top = fs.makeQualified(root).toUri().getPath();
        listed.sort(Comparator.comparing(s -> s.getPath().toUri().getPath()));
        for (LocatedFileStatus status : listed) {
            String relative = status.getPath().toUri().getPath().substring(top.length()).replaceFirst("^/+", "");
            String display = given + "/" + relative;
            if (status.isSymlink()) {
                problems.accept(Diagnostic.warning("source.symlink", SourceRef.file(display), "symbolic link not followed"));
                continue;
            }
            List<String> segments = List.of(relative.split("/"));
            Placement placement = layout.place(segments);
            if (placement instanceof Placement.OnDrive on) {
                files.accept(new HadoopFile(fs, status, display, on.drive(), on.path()));
            } else if (placement instanceof Placement.Outside out) {
                outside.add(out, relative);
            } else if (placement instanceof Placement.Refused refused) {
                problems.accept(Diagnostic.error("source.unsafe-name", SourceRef.file(display), "not read: " + refused.reason()));
            }
        }
        outside.report(problems);
    }

    /** The first levels of the folder, for the layout; what cannot be listed is left to the walk to report. */
    private final class FolderTree implements Tree {
        @Override
        public List<Node> children(List<String> folder) {
            Path dir = root;
            for (String name : folder) dir = new Path(dir, name);
            List<Node> out = new ArrayList<>();
            try {
                for (FileStatus s : fs.listStatus(dir)) out.add(new Node(s.getPath().getName(), s.isDirectory()));
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
            out.sort(Comparator.comparing(Node::name));
            return out;
        }
    }

    /** A file of the folder, placed on a server's drive. */
    private record HadoopFile(FileSystem fs, FileStatus status, String display, char drive, String drivePath)
            implements EvidenceFile {

        @Override
        public SourceRef ref() {
            return SourceRef.file(display);
        }

        @Override
        public long size() {
            return status.getLen();
        }

        @Override
        public Instant modified() {
            return status.getModificationTime() > 0 ? Instant.ofEpochMilli(status.getModificationTime()) : null;
        }

        @Override
        public InputStream open() throws IOException {
            return fs.open(status.getPath());
        }
    }
}
