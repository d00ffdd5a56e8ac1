package org.exhunt.evidence.zip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.zip.X000A_NTFS;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipMethod;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;

/**
 * An archive listed from its central directory (Apache Commons Compress). After listing, entries whose data
 * overlaps another entry's header, or runs past the end of the archive, are marked: overlapping data is how
 * the smallest zip bombs multiply one compressed block into many entries.
 */
final class CentralDirectoryIndex implements ZipIndex {

    private final ZipFile zip;
    private final List<ZipItem> items;

    private CentralDirectoryIndex(ZipFile zip, List<ZipItem> items) {
        this.zip = zip;
        this.items = items;
    }

    static CentralDirectoryIndex open(RandomAccess data, ArchiveLimits limits, String display,
                                      Consumer<Diagnostic> problems) throws IOException {
        ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new RangeChannel(data))
                .setUseUnicodeExtraFields(true)
                .get();
        List<ZipItem> items = new ArrayList<>();
        Enumeration<ZipArchiveEntry> entries = zip.getEntries();
        while (entries.hasMoreElements()) {
            ZipArchiveEntry e = entries.nextElement();
            if (items.size() == limits.entries()) {
                problems.accept(Diagnostic.error("archive.too-many-entries", SourceRef.file(display), "entries past the"
                        + " first " + limits.entries() + " not read (cap on entries per archive)"));
                break;
            }
            items.add(item(e, e.getLocalHeaderOffset(), e.getDataOffset(), zip.canReadEntryData(e), e.getSize(), e.getCrc()));
        }
        return new CentralDirectoryIndex(zip, markOverlaps(items, data.size()));
    }

    /** A {@link ZipItem} from a Commons Compress entry (shared with the local-header scan). */
    static ZipItem item(ZipArchiveEntry e, long headerOffset, long dataOffset, boolean readable, long size, long crc) {
        boolean encrypted = e.getGeneralPurposeBit().usesEncryption() || e.getGeneralPurposeBit().usesStrongEncryption();
        ZipMethod method = ZipMethod.getMethodByCode(e.getMethod());
        boolean dosOnly = e.getExtraField(X000A_NTFS.HEADER_ID) == null
                && !(e.getExtraField(X5455_ExtendedTimestamp.HEADER_ID) instanceof X5455_ExtendedTimestamp x
                     && x.isBit0_modifyTimePresent());
        return new ZipItem(EntryNames.of(e), headerOffset, dataOffset, e.getCompressedSize(), size, crc,
                method == null ? "method " + e.getMethod() : method.name(), e.getMethod() == ZipMethod.STORED.getCode(),
                e.isDirectory(), e.isUnixSymlink(), encrypted, readable && !encrypted,
                modified(e, dosOnly), dosOnly, null, null, e);
    }

    /**
     * The modification time: exact from an NTFS or extended-timestamp field; from the DOS field, which has no
     * zone, read as UTC so that a scan gives the same answer in every time zone.
     */
    private static Instant modified(ZipArchiveEntry e, boolean dosOnly) {
        FileTime time = e.getLastModifiedTime();
        if (time == null || e.getTime() <= 0) return null;
        if (!dosOnly) return time.toInstant();
        LocalDateTime wall = LocalDateTime.ofInstant(Instant.ofEpochMilli(e.getTime()), ZoneId.systemDefault());
        return wall.toInstant(ZoneOffset.UTC);
    }

    private static List<ZipItem> markOverlaps(List<ZipItem> items, long archiveSize) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) order.add(i);
        order.sort(Comparator.comparingLong(i -> items.get(i).headerOffset()));
        List<ZipItem> out = new ArrayList<>(items);
        for (int k = 0; k < order.size(); k++) {
            ZipItem item = items.get(order.get(k));
            if (item.directory() || item.dataOffset() < 0) continue;
            long end = item.dataOffset() + item.compressedSize();
            long nextHeader = k + 1 < order.size() ? items.get(order.get(k + 1)).headerOffset() : Long.MAX_VALUE;
            boolean sharedHeader = k > 0 && items.get(order.get(k - 1)).headerOffset() == item.headerOffset();
            if (end > nextHeader || sharedHeader) {
                out.set(order.get(k), item.withDefect("archive.bomb",
                        "its data overlaps another entry (how the smallest zip bombs repeat one block); not read"));
            } else if (end > archiveSize) {
                out.set(order.get(k), item.withDefect("archive.damaged",
                        "its data runs past the end of the archive (truncated); not read"));
            }
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public List<ZipItem> items() {
        return items;
    }

    @Override
    public InputStream open(ZipItem item) throws IOException {
        InputStream in = zip.getInputStream((ZipArchiveEntry) item.handle());
        if (in == null) throw new IOException("entry '" + item.name() + "' cannot be opened");
        return in;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
