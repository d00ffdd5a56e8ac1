package org.exhunt.sigma.condition;

/** A condition that does not parse; {@link #offset()} is the 0-based character where the problem is. */
public final class ConditionException extends Exception {

    private final int offset;

    public ConditionException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
