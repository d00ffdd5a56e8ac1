package org.exhunt.yara.syntax;

/** Where something was written: file name (as given to the compiler), 1-based line and column. */
public record SourcePos(String file, int line, int column) {

    /** {@code file:line:column}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
