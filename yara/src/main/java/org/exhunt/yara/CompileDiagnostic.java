package org.exhunt.yara;

import org.exhunt.core.Diagnostic;
import org.exhunt.core.SourceRef;

/**
 * A compile error or warning: where (file, 1-based line and column), which rule if any, a stable code and
 * libyara's message text.
 */
public record CompileDiagnostic(boolean error, ErrorCode code, String file, int line, int column, String rule,
        String message) {

    /** As exhunt's shared {@link Diagnostic} (the column is kept in the message). */
    public Diagnostic toDiagnostic() {
        SourceRef where = SourceRef.line(file, line);
        String text = "column " + column + ": " + message;
        return error ? Diagnostic.error(code.id, where, text) : Diagnostic.warning(code.id, where, text);
    }

    /** libyara's wording: {@code file(line): error: rule "r" in file(line): message}, plus the column. */
    @Override
    public String toString() {
        String level = error ? "error" : "warning";
        String at = file + "(" + line + ":" + column + ")";
        return rule == null ? at + ": " + level + ": " + message
                : level + ": rule \"" + rule + "\" in " + at + ": " + message;
    }
}
