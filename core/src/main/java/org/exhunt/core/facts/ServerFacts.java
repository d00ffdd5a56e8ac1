package org.exhunt.core.facts;

import java.io.Serializable;

/**
 * The facts of one server's result: the build (both a scan and a probe read one), and what only a scan or only a
 * probe knows. Each part is null when the run that made the result does not know it.
 *
 * @param build the build and what the knowledge base says of it, or null when nothing looked for one (a probe of a
 *              target that did not answer or is not Exchange)
 * @param scan  what a scan of the server's evidence found out, or null for a probe
 * @param probe what a probe of the server saw, or null for a scan
 */
public record ServerFacts(BuildFacts build, ScanFacts scan, ProbeFacts probe) implements Serializable {

    /** No facts: a result made by hand, or read back from a report that has none. */
    public static final ServerFacts NONE = new ServerFacts(null, null, null);
}
