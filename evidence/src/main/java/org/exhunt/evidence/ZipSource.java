package org.exhunt.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;
import org.exhunt.evidence.collector.CollectionLayout;
import org.exhunt.evidence.collector.LayoutDetector;
import org.exhunt.evidence.collector.OutsideFiles;
import org.exhunt.evidence.collector.Placement;
import org.exhunt.evidence.zip.ArchiveLimits;
import org.exhunt.evidence.zip.CheckedEntryStream;
import org.exhunt.evidence.zip.EntryTree;
import org.exhunt.evidence.zip.RandomAccess;
import org.exhunt.evidence.zip.ZipIndex;
import org.exhunt.evidence.zip.ZipItem;

/**
 * A zip archive holding a server's drives (a CyLR or Velociraptor collection, a zipped KAPE folder, a zipped
 * copy of a drive), read in place: entries are decompressed as they are read, never extracted, and the archive
 * is never written. The layout is found from the entry names, as for a directory.
 *
 * <p>Archives are hostile input. Entry names that could pose as another path, encrypted entries, unsupported
 * methods, bombs (entries over the size or ratio caps, overlapping data, archives whose entries add up past the
 * total cap) and damage each get a positioned message and are skipped; the rest is read. An archive inside the
 * archive at the collection's level (outside the drives, such as Velociraptor's encrypted {@code data.zip}) is
 * opened in place too, {@link ArchiveLimits#nesting} levels deep at most; archives on the server's drives are
 * files of the server and stay closed.
 */
public final class ZipSource implements EvidenceSource {

    private final String display;
    private final Opener opener;
    private final ArchiveLimits limits;
    private final List<AutoCloseable> open = new ArrayList<>();

    /** How the archive's bytes are opened for positioned reads; what it opens is closed with the source. */
    @FunctionalInterface
    public interface Opener {
        RandomAccess open() throws IOException;
    }

    /**
     * An archive read through {@code opener} (a file of a distributed file system), named {@code display} in every
     * place and message, as a local archive is named by its path.
     */
    public ZipSource(String display, Opener opener, ArchiveLimits limits) {
        this.display = display;
        this.opener = opener;
        this.limits = limits;
    }

    public ZipSource(Path zip, ArchiveLimits limits) {
        this(zip.toString(), () -> RandomAccess.of(FileChannel.open(zip, StandardOpenOption.READ)), limits);
    }

    public ZipSource(Path zip) {
        this(zip, ArchiveLimits.DEFAULTS);
    }

    @Override
    public String describe() {
        return display;
    }

    @Override
    public void walk(Consumer<EvidenceFile> files, Consumer<Diagnostic> problems) {
        RandomAccess data;
        try {
            data = opener.open();
        } catch (IOException e) {
            problems.accept(Diagnostic.error("archive.unreadable", SourceRef.file(display),
                    "could not be opened: " + DirectorySource.describe(e)));
            return;
        }
        open.add(data);
        new Reading(files, problems).archive(data, display, 0);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) first = e instanceof IOException io ? io : new IOException(e);
            }
        }
        open.clear();
        if (first != null) throw first;
    }

    /** One walk: where files and problems go, and what the archive has cost so far. */
    private final class Reading {
        private final Consumer<EvidenceFile> files;
        private final Consumer<Diagnostic> problems;
        private long declaredBytes;   // all entries handed out or opened, nested archives included
        private long nestedInMemory;  // compressed nested archives inflated into memory

        Reading(Consumer<EvidenceFile> files, Consumer<Diagnostic> problems) {
            this.files = files;
            this.problems = problems;
        }

        void archive(RandomAccess data, String display, int depth) {
            Optional<ZipIndex> read = ZipIndex.read(data, display, limits, problems);
            if (read.isEmpty()) return;
            ZipIndex index = read.get();
            open.add(index);
            CollectionLayout layout = LayoutDetector.detect(new EntryTree(index.items()));
            SourceNotes.layout(display, layout, problems);
            OutsideFiles outside = new OutsideFiles(display, layout);
            Encrypted encrypted = new Encrypted(display);
            int dosTimes = 0;
            for (ZipItem item : index.items()) {
                if (item.directory()) continue;
                SourceRef at = SourceRef.offset(display, item.headerOffset());
                String name = DrivePath.printable(item.name());
                Optional<String> unsafe = DrivePath.unsafe(item.name());
                if (unsafe.isPresent()) {
                    problems.accept(Diagnostic.error("source.unsafe-name", at, "entry '" + name + "' not read: "
                            + unsafe.get() + "; its name could pose as another path"));
                    continue;
                }
                if (item.symlink()) {
                    problems.accept(Diagnostic.warning("source.symlink", at, "entry '" + name
                            + "' is a symbolic link; not followed"));
                    continue;
                }
                if (item.encrypted()) encrypted.add(item);
                List<String> segments = DrivePath.segments(item.name());
                Placement placement = layout.place(segments);
                boolean collectionLevel = placement instanceof Placement.Outside o && o.root() == null
                        || layout.kind() == CollectionLayout.Kind.UNRECOGNISED;
                if (collectionLevel && isZip(item.name())) {
                    if (!item.encrypted()) nested(index, data, item, display, depth, at);
                } else if (placement instanceof Placement.Outside out) {
                    outside.add(out, item.name());
                } else if (placement instanceof Placement.Refused refused) {
                    problems.accept(Diagnostic.error("source.unsafe-name", at, "entry '" + name + "' not read: "
                            + refused.reason()));
                } else if (placement instanceof Placement.OnDrive on && item.encrypted()) {
                    // its name, place and size are known: checks that need no more still see it (a shell in aspnet_client)
                    files.accept(new ZipEntryFile(index, item, display, on.drive(), on.path(),
                            "entry '" + name + "' is encrypted; exhunt has no key"));
                } else if (placement instanceof Placement.OnDrive on && admit(item, at)) {
                    files.accept(new ZipEntryFile(index, item, display, on.drive(), on.path(), null));
                    if (item.dosTimeOnly() && item.modified() != null) dosTimes++;
                }
            }
            encrypted.report(problems);
            outside.report(problems);
            if (dosTimes > 0) {
                problems.accept(Diagnostic.info("archive.dos-time", SourceRef.file(display), dosTimes + " entries carry"
                        + " only a DOS time, which has no time zone (usually the collecting machine's local time);"
                        + " their modification times are read as UTC"));
            }
        }

        /** Whether an entry may be read: readable, sound, within the caps. Reports it when not. */
        private boolean admit(ZipItem item, SourceRef at) {
            String name = DrivePath.printable(item.name());
            String code = null;
            String why = null;
            if (item.defect() != null) {
                code = item.defectCode();
                why = item.defect();
            } else if (!item.readable()) {
                code = "archive.unsupported-method";
                why = "compressed with " + item.method() + ", which exhunt cannot decompress; not read";
            } else if (item.size() < 0) {
                code = "archive.damaged";
                why = "its size is unknown; not read";
            } else if (item.size() > limits.entryBytes()) {
                code = "archive.bomb";
                why = "declares " + item.size() + " bytes, above the cap of " + limits.entryBytes() + " for one entry; not read";
            } else if (item.size() > limits.ratioFloor() && item.size() > limits.ratio() * Math.max(1, item.compressedSize())) {
                code = "archive.bomb";
                why = "expands " + item.size() / Math.max(1, item.compressedSize()) + " times its compressed size, above the"
                        + " cap of " + limits.ratio() + " (a zip bomb); not read";
            } else if (declaredBytes + item.size() > limits.totalBytes()) {
                code = "archive.bomb";
                why = "would take the archive's entries past " + limits.totalBytes() + " bytes in all, the cap for one"
                        + " archive; not read";
            }
            if (why != null) {
                problems.accept(Diagnostic.error(code, at, "entry '" + name + "' " + why));
                return false;
            }
            declaredBytes += item.size();
            return true;
        }

        private void nested(ZipIndex index, RandomAccess outer, ZipItem item, String display, int depth, SourceRef at) {
            String name = DrivePath.printable(item.name());
            if (depth + 1 > limits.nesting()) {
                problems.accept(Diagnostic.error("archive.nesting", at, "entry '" + name + "' is an archive "
                        + (depth + 1) + " levels deep; not opened (the cap is " + limits.nesting() + " levels)"));
                return;
            }
            if (!admit(item, at)) return;
            RandomAccess inner;
            if (item.stored() && item.dataOffset() >= 0) {
                inner = outer.slice(item.dataOffset(), item.size());
            } else if (nestedInMemory + item.size() > limits.nestedInMemoryBytes()) {
                problems.accept(Diagnostic.error("archive.nested-too-large", at, "entry '" + name + "' is a compressed"
                        + " archive of " + item.size() + " bytes, more than exhunt reads in memory (" + limits.nestedInMemoryBytes()
                        + " bytes for all nested archives); not opened: extract it and give it as its own path"));
                return;
            } else {
                try (InputStream in = new CheckedEntryStream(index.open(item), name, item.size(), item.crc())) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) item.size());
                    in.transferTo(bytes);
                    inner = RandomAccess.of(bytes.toByteArray());
                    nestedInMemory += item.size();
                } catch (IOException e) {
                    problems.accept(Diagnostic.error("archive.damaged", at, "nested archive '" + name
                            + "' not opened: " + e.getMessage()));
                    return;
                }
            }
            archive(inner, display + "!/" + item.name(), depth + 1);
        }
    }

    private static boolean isZip(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** Encrypted entries of one archive: one message, since a password-protected archive has thousands. */
    private static final class Encrypted {
        private final String display;
        private final List<String> examples = new ArrayList<>();
        private long first = -1;
        private int count;

        Encrypted(String display) {
            this.display = display;
        }

        void add(ZipItem item) {
            if (count++ == 0) first = item.headerOffset();
            if (examples.size() < 3) examples.add(DrivePath.printable(item.name()));
        }

        void report(Consumer<Diagnostic> problems) {
            if (count == 0) return;
            problems.accept(Diagnostic.error("archive.encrypted", SourceRef.offset(display, first), count
                    + " encrypted entries not read (e.g. " + String.join(", ", examples) + "): decrypt the archive with"
                    + " its password and give the result"));
        }
    }

    /**
     * An entry placed on a server's drive, read in place through its archive's index.
     *
     * @param unreadable why its content cannot be read (an encrypted entry), or null
     */
    private record ZipEntryFile(ZipIndex index, ZipItem item, String display, char drive, String drivePath,
                                String unreadable) implements EvidenceFile {

        @Override
        public SourceRef ref() {
            return SourceRef.file(display + "!/" + item.name());
        }

        @Override
        public long size() {
            return item.size();
        }

        @Override
        public Instant modified() {
            return item.modified();
        }

        @Override
        public InputStream open() throws IOException {
            if (unreadable != null) throw new IOException(unreadable);
            return new CheckedEntryStream(index.open(item), DrivePath.printable(item.name()), item.size(), item.crc());
        }
    }
}
