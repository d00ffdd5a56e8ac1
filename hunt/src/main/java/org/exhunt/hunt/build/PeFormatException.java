package org.exhunt.hunt.build;

/**
 * A PE file whose version resource cannot be read: not a PE file, cut short, or with structures that point
 * outside it. {@link #code()} is stable ({@code pe.not-pe}, {@code pe.truncated}, {@code pe.malformed},
 * {@code pe.no-version}); {@link #offset()} is the byte offset where reading stopped.
 */
public final class PeFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final long offset;

    PeFormatException(String code, long offset, String message) {
        super(message);
        this.code = code;
        this.offset = offset;
    }

    public String code() {
        return code;
    }

    public long offset() {
        return offset;
    }
}
