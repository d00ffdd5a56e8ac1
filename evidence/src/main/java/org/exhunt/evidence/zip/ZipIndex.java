package org.exhunt.evidence.zip;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;

/**
 * The entries of one zip archive and the way to read each in place. {@link #read} is the entry point: the
 * central directory when it is sound, else the local headers; an archive that is neither is reported.
 */
public interface ZipIndex extends Closeable {

    /** The entries, in the order the archive lists them. */
    List<ZipItem> items();

    /** The raw content of an entry (decompressed, not yet checked: wrap it in {@link CheckedEntryStream}). */
    InputStream open(ZipItem item) throws IOException;

    /**
     * Lists an archive. Problems that leave entries unread (a damaged central directory, too many entries)
     * go to {@code problems}; empty when nothing of the archive can be read.
     *
     * @param display the archive as the user knows it, for messages
     */
    static Optional<ZipIndex> read(RandomAccess data, String display, ArchiveLimits limits,
                                   Consumer<Diagnostic> problems) {
        SourceRef where = SourceRef.file(display);
        try {
            EndOfCentralDirectory end = EndOfCentralDirectory.find(data);
            if (end != null && (end.entries() > limits.entries() || end.directoryBytes() > limits.centralDirectoryBytes())) {
                problems.accept(Diagnostic.error("archive.too-many-entries", where, "not read: the archive lists "
                        + end.entries() + " entries in a central directory of " + end.directoryBytes() + " bytes, above"
                        + " the caps of " + limits.entries() + " entries and " + limits.centralDirectoryBytes() + " bytes"));
                return Optional.empty();
            }
            CentralDirectoryIndex central;
            try {
                central = CentralDirectoryIndex.open(data, limits, display, problems);
            } catch (IOException | RuntimeException damaged) {
                return fromLocalHeaders(data, display, limits, problems, "central directory unreadable (" + reason(damaged) + ")");
            }
            // an end record that misstates the directory's size or place makes the directory read as shorter than it
            // is (as empty, when it understates the size): the count it declares tells
            if (end != null && central.items().size() < end.entries()) {
                String why = "the end record declares " + end.entries() + (end.entries() == 1 ? " entry" : " entries")
                        + ", the central directory lists " + central.items().size() + " (its size or offset is misstated)";
                if (LocalHeaderIndex.startsWithLocalHeader(data)) {
                    central.close();
                    return fromLocalHeaders(data, display, limits, problems, why);
                }
                problems.accept(Diagnostic.error("archive.central-directory", where, why + ": the entries it lists are"
                        + " read, the others are missing (no local header at the start to list them from)"));
            }
            return Optional.of(central);
        } catch (IOException | RuntimeException e) {
            problems.accept(Diagnostic.error("archive.unreadable", where, "not read: " + reason(e)));
            return Optional.empty();
        }
    }

    /** The archive listed from its local headers, when its central directory cannot be trusted; reported. */
    private static Optional<ZipIndex> fromLocalHeaders(RandomAccess data, String display, ArchiveLimits limits,
                                                      Consumer<Diagnostic> problems, String why) throws IOException {
        SourceRef where = SourceRef.file(display);
        if (!LocalHeaderIndex.startsWithLocalHeader(data)) {
            problems.accept(Diagnostic.error("archive.unreadable", where,
                    "not read: not a zip archive, or damaged beyond reading (" + why + ")"));
            return Optional.empty();
        }
        LocalHeaderIndex index = LocalHeaderIndex.scan(data, display, limits, problems);
        problems.accept(Diagnostic.error("archive.central-directory", where, why + ": " + index.items().size()
                + " entries were found from their local headers and read from there; entries past damage the headers"
                + " cannot bridge are missing"));
        return Optional.of(index);
    }

    static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
