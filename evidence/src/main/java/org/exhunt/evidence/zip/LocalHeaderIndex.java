package org.exhunt.evidence.zip;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;

/**
 * An archive listed from its local headers, for when the central directory is missing or damaged (a copy cut
 * short, a damaged disk). Entries are read one after the other from the start; each is inflated once while
 * listing, to learn where it ends and to hold it to the caps. A damaged entry is reported and listing starts
 * again at the next local-header signature, so damage costs the entries it touches and no more.
 */
final class LocalHeaderIndex implements ZipIndex {

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final byte[] SIGNATURE = {'P', 'K', 3, 4};

    private final RandomAccess data;
    private final List<ZipItem> items;

    private LocalHeaderIndex(RandomAccess data, List<ZipItem> items) {
        this.data = data;
        this.items = items;
    }

    static boolean startsWithLocalHeader(RandomAccess data) throws IOException {
        if (data.size() < 4) return false;
        byte[] head = data.readFully(0, 4);
        return ((head[0] & 0xff) | (head[1] & 0xff) << 8 | (head[2] & 0xff) << 16 | (head[3] & 0xff) << 24) == LOCAL_HEADER;
    }

    static LocalHeaderIndex scan(RandomAccess data, String display, ArchiveLimits limits,
                                 Consumer<Diagnostic> problems) throws IOException {
        List<ZipItem> items = new ArrayList<>();
        long start = 0;
        while (start >= 0 && start < data.size() && items.size() < limits.entries()) {
            start = scanFrom(data, start, display, limits, items, problems);
        }
        return new LocalHeaderIndex(data, List.copyOf(items));
    }

    /** Lists entries from {@code start}; returns where to start again after damage, or -1 when done. */
    private static long scanFrom(RandomAccess data, long start, String display, ArchiveLimits limits,
                                 List<ZipItem> items, Consumer<Diagnostic> problems) throws IOException {
        long header = start;
        ZipArchiveEntry entry = null;
        try (ZipArchiveInputStream in = stream(data, start)) {
            while (items.size() < limits.entries()) {
                entry = null;
                ZipArchiveEntry e = in.getNextZipEntry();
                if (e == null) return -1;
                entry = e;
                header = start + e.getLocalHeaderOffset();
                long dataOffset = start + e.getDataOffset();
                if (e.isDirectory() || !in.canReadEntryData(e)) {
                    items.add(CentralDirectoryIndex.item(e, header, dataOffset, false, e.getSize(), e.getCrc()));
                    continue;
                }
                String bomb = drain(in, limits);
                ZipItem item = CentralDirectoryIndex.item(e, header, dataOffset, true, in.getUncompressedCount(), e.getCrc());
                if (bomb != null) {
                    items.add(item.withDefect("archive.bomb", bomb));
                    return next(data, header + 4);
                }
                items.add(item);
            }
            return -1;
        } catch (IOException | RuntimeException damaged) {
            String why = ZipIndex.reason(damaged);
            if (entry != null) {
                items.add(CentralDirectoryIndex.item(entry, header, -1, false, -1, -1)
                        .withDefect("archive.damaged", "damaged (" + why + "); not read"));
            } else {
                problems.accept(Diagnostic.error("archive.damaged", SourceRef.offset(display, header),
                        "damaged local header after this point (" + why + "); looking for the next entry"));
            }
            return next(data, header + 4);
        }
    }

    /** Inflates the current entry to its end; the reason it was stopped, if a cap stopped it. */
    private static String drain(ZipArchiveInputStream in, ArchiveLimits limits) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (in.read(buffer) >= 0) {
            long out = in.getUncompressedCount();
            if (out > limits.entryBytes()) {
                return "expands past " + limits.entryBytes() + " bytes, the cap for one entry; not read";
            }
            if (out > limits.ratioFloor() && out > limits.ratio() * Math.max(1, in.getCompressedCount())) {
                return "expands more than " + limits.ratio() + " times its compressed size (a zip bomb); not read";
            }
        }
        return null;
    }

    /** The next local-header signature at or after {@code from}, or -1. */
    private static long next(RandomAccess data, long from) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long at = from;
        while (true) {
            buffer.clear();
            int n = data.read(buffer, at);
            if (n < SIGNATURE.length) return -1;
            byte[] b = buffer.array();
            for (int i = 0; i + SIGNATURE.length <= n; i++) {
                if (b[i] == SIGNATURE[0] && b[i + 1] == SIGNATURE[1] && b[i + 2] == SIGNATURE[2] && b[i + 3] == SIGNATURE[3]) {
                    return at + i;
                }
            }
            at += n - (SIGNATURE.length - 1);
        }
    }

    private static ZipArchiveInputStream stream(RandomAccess data, long from) throws IOException {
        InputStream raw = Channels.newInputStream(new RangeChannel(data.slice(from, data.size() - from)));
        return new ZipArchiveInputStream(new BufferedInputStream(raw, 64 * 1024), "UTF-8", true, true);
    }

    @Override
    public List<ZipItem> items() {
        return items;
    }

    @Override
    public InputStream open(ZipItem item) throws IOException {
        ZipArchiveInputStream in = stream(data, item.headerOffset());
        ZipArchiveEntry e = in.getNextZipEntry();
        if (e == null) {
            in.close();
            throw new IOException("entry '" + item.name() + "' is no longer where its local header was");
        }
        return in;
    }

    @Override
    public void close() {}
}
