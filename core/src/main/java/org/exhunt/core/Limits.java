package org.exhunt.core;

/**
 * Every cap exhunt applies to untrusted input, in one place (like libyara's {@code limits.h}). A cap that
 * is hit is always reported; nothing is dropped in silence.
 */
public final class Limits {

    private Limits() {}

    /** Problems kept per input file; more are counted, not listed. */
    public static final int DIAGNOSTICS_PER_FILE = 100;

    /** Evidence values longer than this are shortened in findings (the source reference points at the rest). */
    public static final int EVIDENCE_CHARS = 1_000;

    /**
     * Matches kept per YARA string and file; further ones are dropped with a warning. libyara's value
     * ({@code YR_MAX_STRING_MATCHES}): a lower one would change {@code #a} and {@code -s} output.
     */
    public static final int YARA_MATCHES_PER_STRING = 1_000_000;

    /** Bytes of each YARA match kept for reports (libyara's {@code YR_MAX_MATCH_DATA}). */
    public static final int YARA_MATCH_DATA = 512;
}
