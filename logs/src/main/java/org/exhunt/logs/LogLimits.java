package org.exhunt.logs;

import org.exhunt.core.Limits;

/**
 * The caps the log readers apply to untrusted input, in one place. A cap that is hit is always reported as a
 * positioned {@link org.exhunt.core.Diagnostic}; nothing is dropped in silence.
 */
public final class LogLimits {

    private LogLimits() {}

    /**
     * Longest line read, in bytes. A longer line is skipped (its bytes are read and thrown away, never held)
     * and reported as not read; the longest legitimate lines (HttpProxy with long GenericInfo) are a few KiB.
     */
    public static final int MAX_LINE_BYTES = 1 << 20;

    /**
     * Most physical lines one quoted CSV value may span. Past this the quote is taken as unterminated, so
     * that one stray quote cannot swallow the rest of a file.
     */
    public static final int MAX_LINES_PER_RECORD = 64;

    /** Most values in one line; more are reported and the line is skipped. */
    public static final int MAX_FIELDS = 1024;

    /**
     * Problems a reader reports per file before it only counts them. One less than the collector's cap, so
     * that the summary of what was left out is kept too.
     */
    public static final int PROBLEMS_PER_FILE = Limits.DIAGNOSTICS_PER_FILE - 1;
}
