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
     * How deeply EVTX binary XML may nest (elements inside elements, and binary-XML values inside
     * templates): real events are under 10 levels; a hostile record must not exhaust the stack.
     */
    public static final int EVTX_NESTING_DEPTH = 48;

    /**
     * Elements one EVTX record may render to. Array values repeat their element once per item, so a
     * 64 KiB record could otherwise expand without bound; past the cap the record is cut and reported.
     */
    public static final int EVTX_ELEMENTS_PER_RECORD = 100_000;
}
