package org.exhunt.hunt.ioc.stix;

/** A STIX pattern exhunt cannot read or cannot use, with where in the pattern the problem is. */
public final class PatternException extends Exception {

    private final int position;

    public PatternException(int position, String message) {
        super(message);
        this.position = position;
    }

    /** The 0-based character offset in the pattern. */
    public int position() {
        return position;
    }
}
