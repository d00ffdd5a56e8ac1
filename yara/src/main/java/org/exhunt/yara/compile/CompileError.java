package org.exhunt.yara.compile;

import org.exhunt.yara.ErrorCode;
import org.exhunt.yara.syntax.SourcePos;

/** A semantic error found while compiling a rule; the rule is abandoned, compilation goes on. */
public final class CompileError extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final SourcePos pos;

    public CompileError(ErrorCode code, String message, SourcePos pos) {
        super(message);
        this.code = code;
        this.pos = pos;
    }

    public ErrorCode code() {
        return code;
    }

    public SourcePos pos() {
        return pos;
    }
}
