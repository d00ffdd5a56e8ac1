package org.exhunt.sigma.yaml;

/** A document that is not well-formed YAML, or that uses YAML features rules have no use for; positioned. */
public final class YamlProblem extends Exception {

    private final int line;
    private final int column;

    public YamlProblem(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
