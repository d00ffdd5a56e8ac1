package org.exhunt.report.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A check applied to every line of a JSON-lines report, its problems prefixed with the line's number. */
public final class LineProblems {

    private LineProblems() {}

    /** {@code line 3: <problem>} for each problem {@code check} finds in each line; empty when every line passes. */
    public static List<String> of(List<JsonNode> lines, Function<JsonNode, List<String>> check) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (String p : check.apply(lines.get(i))) problems.add("line " + (i + 1) + ": " + p);
        }
        return problems;
    }
}
