package org.exhunt.logs.evtx;

/**
 * Malformed EVTX content met while parsing one record or structure. Always caught inside this package:
 * it becomes a positioned diagnostic and the reader skips what it could not read.
 */
final class EvtxFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Chunk-relative offset where the problem was found, or -1. */
    private final int offset;

    EvtxFormatException(String message, int offset) {
        super(message, null, false, false);   // thrown for bad input, not bugs: no stack trace needed
        this.offset = offset;
    }

    int offset() {
        return offset;
    }
}
