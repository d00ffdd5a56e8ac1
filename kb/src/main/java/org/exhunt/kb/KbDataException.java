package org.exhunt.kb;

/**
 * The knowledge base's own data is damaged: a file of {@code rules/kb/} is missing, a line has the wrong
 * columns, a build or date does not parse, a name refers to nothing. The data ships with exhunt, so this is
 * a build defect, reported with the file and line.
 */
public final class KbDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    KbDataException(String file, int line, String message) {
        super("rules/kb/" + file + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
