package org.exhunt.evidence.collector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;
import org.exhunt.evidence.DrivePath;

/**
 * Counts the files of one collection that lie outside every drive, and reports them once per folder kind:
 * a collector's own files (its logs and result tables) as information, files under an {@link UnmappedRoot}
 * (a shadow copy) as not read.
 */
public final class OutsideFiles {

    private static final int EXAMPLES = 3;

    private final String collection;
    private final CollectionLayout layout;
    private final Map<UnmappedRoot, List<String>> unread = new LinkedHashMap<>();
    private final List<String> collectorFiles = new ArrayList<>();
    private int collectorCount;

    /** @param collection the folder or archive as the user knows it, for the report */
    public OutsideFiles(String collection, CollectionLayout layout) {
        this.collection = collection;
        this.layout = layout;
    }

    public void add(Placement.Outside outside, String storedPath) {
        if (outside.root() == null) {
            if (collectorFiles.size() < EXAMPLES) collectorFiles.add(DrivePath.printable(storedPath));
            collectorCount++;
        } else {
            unread.computeIfAbsent(outside.root(), r -> new ArrayList<>()).add(storedPath);
        }
    }

    /** Reports what was counted: one diagnostic per kind. */
    public void report(Consumer<Diagnostic> problems) {
        SourceRef where = SourceRef.file(collection);
        if (collectorCount > 0) {
            problems.accept(Diagnostic.info("source.outside-drives", where, collectorCount
                    + " files outside the drive folders of " + layout.describe() + " are not part of the server's"
                    + " drives and were not scanned (the collector's own files), e.g. " + String.join(", ", collectorFiles)));
        }
        unread.forEach((root, files) -> problems.accept(Diagnostic.error("source.unmapped-volume",
                SourceRef.file(collection + "/" + root.display()), files.size() + " files of " + root.what()
                        + " not read: exhunt scans a server's drives as they are, not snapshots or volumes without a letter")));
    }
}
