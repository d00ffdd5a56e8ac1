package org.exhunt.spark;

import java.io.Serializable;
import java.util.List;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.ServerResult;
import org.exhunt.core.SourceRef;
import org.exhunt.core.facts.ServerFacts;

/**
 * What became of one server: its result, whether its scan failed (then the result holds no verdict, only the
 * diagnostic saying why), and how it ran: its logs read in parts by other tasks, and scanned whole after all when
 * the parts could not be added exactly.
 */
record ServerOutcome(ServerSpec spec, ServerResult result, boolean failed, int parts, boolean rescanned)
        implements Serializable {

    static ServerOutcome scanned(ServerSpec spec, ServerResult result) {
        return new ServerOutcome(spec, result, false, 0, false);
    }

    /** A server that could not be scanned, as a result whose one diagnostic says why: a row, never a failed job. */
    static ServerOutcome failed(ServerSpec spec, String code, String why) {
        String where = spec.paths().isEmpty() ? spec.server() : spec.paths().get(0);
        ServerResult r = new ServerResult(spec.server(), spec.paths(), List.of(), List.of(),
                List.of(Diagnostic.error(code, SourceRef.file(where), why)), ServerFacts.NONE);
        return new ServerOutcome(spec, r, true, 0, false);
    }
}
