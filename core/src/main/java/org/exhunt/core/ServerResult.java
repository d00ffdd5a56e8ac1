package org.exhunt.core;

import java.util.List;
import java.util.Objects;

/**
 * Everything one run found out about one server: a verdict per row, the findings behind them, what could
 * not be read, and notes that qualify the answer (where the build came from, how far back the logs reach).
 * One server is one independent unit of work; this is its whole, serialisable result.
 *
 * @param server      the server's name as the user gave it or as it was derived from the path
 * @param inputs      the paths (or targets) this server's evidence was read from
 * @param verdicts    one per row, in row order
 * @param findings    all findings, in time order where known
 * @param diagnostics problems met while reading; errors mean something was not read
 * @param notes       lines a person should read next to the verdicts
 */
public record ServerResult(String server, List<String> inputs, List<Verdict> verdicts, List<Finding> findings,
                           List<Diagnostic> diagnostics, List<String> notes) {

    public ServerResult {
        Objects.requireNonNull(server, "server");
        inputs = List.copyOf(inputs);
        verdicts = List.copyOf(verdicts);
        findings = List.copyOf(findings);
        diagnostics = List.copyOf(diagnostics);
        notes = List.copyOf(notes);
    }

    /** True when something was not read: the answer may be missing evidence. */
    public boolean isIncomplete() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
