package org.exhunt.yara.data;

/** The scan of one file ran past its time limit; nothing is reported for that file, as in libyara. */
public final class ScanTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ScanTimeoutException() {
        super("scanning timed out");
    }
}
