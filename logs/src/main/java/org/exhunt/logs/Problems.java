package org.exhunt.logs;

import java.util.function.Consumer;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;

/**
 * The problems of one file, passed on as positioned {@link Diagnostic}s up to
 * {@link LogLimits#PROBLEMS_PER_FILE}; past that they are only counted, and {@link #finish()} reports how
 * many were left out, at the level of the worst of them (so an ERROR is never hidden behind the cap).
 */
public final class Problems {

    private final String file;
    private final Consumer<Diagnostic> sink;
    private int reported;
    private int dropped;
    private Diagnostic.Level worstDropped = Diagnostic.Level.INFO;
    private boolean anyError;

    public Problems(String file, Consumer<Diagnostic> sink) {
        this.file = file;
        this.sink = sink;
    }

    public void error(String code, long line, String message) {
        add(Diagnostic.Level.ERROR, code, line, message);
    }

    public void warning(String code, long line, String message) {
        add(Diagnostic.Level.WARNING, code, line, message);
    }

    public void info(String code, long line, String message) {
        add(Diagnostic.Level.INFO, code, line, message);
    }

    /** Line is -1 for a problem of the whole file. */
    public void add(Diagnostic.Level level, String code, long line, String message) {
        if (level == Diagnostic.Level.ERROR) anyError = true;
        if (reported < LogLimits.PROBLEMS_PER_FILE) {
            reported++;
            sink.accept(new Diagnostic(level, code, message, line < 0 ? SourceRef.file(file) : SourceRef.line(file, line)));
            return;
        }
        dropped++;
        if (level.compareTo(worstDropped) > 0) worstDropped = level;
    }

    /** Whether any problem so far meant that some input was not read. */
    public boolean anyError() {
        return anyError;
    }

    /** Reports the problems left out by the cap, if any. Call once, at the end of the file. */
    public void finish() {
        if (dropped == 0) return;
        sink.accept(new Diagnostic(worstDropped, "log.problems-capped",
                dropped + " more problems in this file not listed (cap " + LogLimits.PROBLEMS_PER_FILE + ")",
                SourceRef.file(file)));
        dropped = 0;
    }
}
