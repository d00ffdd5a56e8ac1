package org.exhunt.core;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.exhunt.core.facts.ServerFacts;

/**
 * Everything one run found out about one server: a verdict per row, the findings behind them, what could
 * not be read, and the facts that qualify the answer (where the build came from, how far back the logs reach),
 * as data: reports put them into words. One server is one independent unit of work; this is its whole,
 * serialisable result.
 *
 * @param server      the server's name as the user gave it or as it was derived from the path
 * @param inputs      the paths (or targets) this server's evidence was read from
 * @param verdicts    one per row, in row order
 * @param findings    all findings, in time order where known
 * @param diagnostics problems met while reading; errors mean something was not read
 * @param facts       what else the run found out ({@link ServerFacts#NONE} when nothing)
 */
public record ServerResult(String server, List<String> inputs, List<Verdict> verdicts, List<Finding> findings,
                           List<Diagnostic> diagnostics, ServerFacts facts) implements Serializable {

    public ServerResult {
        Objects.requireNonNull(server, "server");
        inputs = List.copyOf(inputs);
        verdicts = List.copyOf(verdicts);
        findings = List.copyOf(findings);
        diagnostics = List.copyOf(diagnostics);
        Objects.requireNonNull(facts, "facts");
    }

    /** The same result with these diagnostics instead. */
    public ServerResult withDiagnostics(List<Diagnostic> all) {
        return new ServerResult(server, inputs, verdicts, findings, all, facts);
    }

    /** True when something was not read: the answer may be missing evidence. */
    public boolean isIncomplete() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
