package org.exhunt.yara.regex;

/**
 * A pattern needed more than {@value PikeVm#MAX_FIBERS} simultaneous threads on some input; libyara then
 * fails the scan of that file ({@code ERROR_TOO_MANY_RE_FIBERS}), and so does exhunt.
 */
public final class TooManyFibersException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TooManyFibersException() {
        super("too many regular expression fibers");
    }
}
