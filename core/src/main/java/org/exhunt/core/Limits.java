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
}
