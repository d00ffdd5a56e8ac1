package org.exhunt.core;

/**
 * Every cap exhunt applies to untrusted input, in one place (like libyara's {@code limits.h}). A cap that
 * is hit is always reported; nothing is dropped in silence.
 */
public final class Limits {

    private Limits() {}

    /** Problems kept per input file; more are counted, not listed. */
    public static final int DIAGNOSTICS_PER_FILE = 100;

    /** Files larger than this are not read for content examination (they are reported as not examined). */
    public static final int CONTENT_BYTES = 64 << 20;

    /** Evidence values longer than this are shortened in findings (the source reference points at the rest). */
    public static final int EVIDENCE_CHARS = 1_000;

    // Archives (zip triage collections) are hostile input: these caps bound what one can cost.

    /** Archives opened inside an archive, below the one given: a zip in a zip is one level. */
    public static final int ARCHIVE_NESTING = 2;

    /** Entries one archive may list; more would cost memory before a byte is read. */
    public static final int ARCHIVE_ENTRIES = 1_000_000;

    /** Size of one archive's central directory, which is held in memory while the archive is read. */
    public static final long ARCHIVE_CENTRAL_DIRECTORY_BYTES = 256L << 20;

    /** Uncompressed size of one archive entry (a collected $MFT or pagefile can be tens of GiB). */
    public static final long ARCHIVE_ENTRY_BYTES = 64L << 30;

    /** Uncompressed size of all entries of one archive, nested archives included. */
    public static final long ARCHIVE_TOTAL_BYTES = 1L << 40;

    /**
     * Compression ratio (uncompressed : compressed) above which an entry is taken for a bomb, once it
     * expands past {@link #ARCHIVE_RATIO_FLOOR}. Real evidence stays far below it; deflate's own ceiling is
     * about 1032 : 1, reached only by runs of one byte.
     */
    public static final long ARCHIVE_RATIO = 200;

    /** Entries that expand to less than this are never taken for bombs, whatever their ratio. */
    public static final long ARCHIVE_RATIO_FLOOR = 64L << 20;

    /**
     * Compressed archives inside an archive are inflated into memory to be read in place (nothing is written
     * to disk); this caps the memory they take per source. Stored (uncompressed) ones are read in place.
     */
    public static final long ARCHIVE_NESTED_IN_MEMORY_BYTES = 256L << 20;

    /**
     * Matches kept per YARA string and file; further ones are dropped with a warning. libyara's value
     * ({@code YR_MAX_STRING_MATCHES}): a lower one would change {@code #a} and {@code -s} output.
     */
    public static final int YARA_MATCHES_PER_STRING = 1_000_000;

    /** Bytes of each YARA match kept for reports (libyara's {@code YR_MAX_MATCH_DATA}). */
    public static final int YARA_MATCH_DATA = 512;

    /**
     * Matches one YARA scan may hold over all its strings (about 8 bytes each): past it the file's scan
     * stops with "too many matches". libyara has no such cap (a 1 MB file of {@code <%%>} takes it 0.9 GB);
     * strings that are the same in several rules count once.
     */
    public static final int YARA_MATCHES_PER_SCAN = 16_000_000;

    /** Files larger than this are not scanned with YARA rules (reported as not scanned: too large). */
    public static final long YARA_FILE_BYTES = 512L << 20;
}
