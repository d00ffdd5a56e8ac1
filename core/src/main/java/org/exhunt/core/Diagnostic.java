package org.exhunt.core;

import java.io.Serializable;
import java.util.Objects;

/**
 * A problem met while reading input or loading rules, with a stable code and the place it happened.
 * {@link Level#ERROR} means something was not read or not loaded: the run is incomplete, and reports
 * list it under "not read".
 */
public record Diagnostic(Level level, String code, String message, SourceRef where) implements Serializable {

    /** How much a diagnostic matters to the run's completeness. */
    public enum Level {
        /** Worth knowing; nothing was missed. */
        INFO,
        /** Something odd, but all of it was read. */
        WARNING,
        /** Some input was not read or some rule not loaded: the run is incomplete. */
        ERROR
    }

    public Diagnostic {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(where, "where");
    }

    public static Diagnostic error(String code, SourceRef where, String message) {
        return new Diagnostic(Level.ERROR, code, message, where);
    }

    public static Diagnostic warning(String code, SourceRef where, String message) {
        return new Diagnostic(Level.WARNING, code, message, where);
    }

    public static Diagnostic info(String code, SourceRef where, String message) {
        return new Diagnostic(Level.INFO, code, message, where);
    }

    public boolean isError() {
        return level == Level.ERROR;
    }

    /** {@code where: message [code]}. */
    @Override
    public String toString() {
        return where + ": " + message + " [" + code + "]";
    }
}
