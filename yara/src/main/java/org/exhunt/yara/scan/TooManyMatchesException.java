package org.exhunt.yara.scan;

import org.exhunt.core.Limits;

/**
 * A scan's strings held {@link Limits#YARA_MATCHES_PER_SCAN} matches: the scan of that file stops, as
 * libyara's {@code ERROR_TOO_MANY_MATCHES} stops one, so that a hostile file cannot take unbounded memory.
 */
public final class TooManyMatchesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TooManyMatchesException() {
        super("too many matches");
    }
}
