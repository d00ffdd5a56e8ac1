package org.exhunt.core.facts;

import java.io.Serializable;
import java.util.List;

/**
 * The facts of one server's result: the build (both a scan and a probe read one), and what only a scan or only a
 * probe knows. Each part is null when the run that made the result does not know it.
 *
 * @param build the build and what the knowledge base says of it, or null when nothing looked for one (a probe of a
 *              target that did not answer or is not Exchange)
 * @param scan  what a scan of the server's evidence found out, or null for a probe
 * @param probe what a probe of the server saw, or null for a scan
 * @param actions what to do now, in order (empty when the run derived none: a probe, a result made by hand)
 */
public record ServerFacts(BuildFacts build, ScanFacts scan, ProbeFacts probe, List<Action> actions) implements Serializable {

    /** No facts: a result made by hand, or read back from a report that has none. */
    public static final ServerFacts NONE = new ServerFacts(null, null, null);

    /** Facts without steps to take. */
    public ServerFacts(BuildFacts build, ScanFacts scan, ProbeFacts probe) {
        this(build, scan, probe, List.of());
    }

    public ServerFacts {
        actions = actions == null ? List.of() : List.copyOf(actions);   // null: a report of a version that had none
    }
}
