package org.exhunt.evidence.zip;

import org.exhunt.core.Limits;

/**
 * The caps an archive is read under. The numbers live in {@link Limits}; this record carries them so that a
 * test can ask for smaller ones instead of building a terabyte.
 */
public record ArchiveLimits(int nesting, int entries, long centralDirectoryBytes, long entryBytes,
                            long totalBytes, long ratio, long ratioFloor, long nestedInMemoryBytes) {

    public static final ArchiveLimits DEFAULTS = new ArchiveLimits(Limits.ARCHIVE_NESTING, Limits.ARCHIVE_ENTRIES,
            Limits.ARCHIVE_CENTRAL_DIRECTORY_BYTES, Limits.ARCHIVE_ENTRY_BYTES, Limits.ARCHIVE_TOTAL_BYTES,
            Limits.ARCHIVE_RATIO, Limits.ARCHIVE_RATIO_FLOOR, Limits.ARCHIVE_NESTED_IN_MEMORY_BYTES);
}
