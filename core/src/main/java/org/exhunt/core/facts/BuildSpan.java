package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A stretch of a server's build timeline: from when to when the evidence shows which build ran.
 *
 * @param from   the start, or null: since before the evidence
 * @param to     the end, or null: until the end of the evidence
 * @param builds the builds that may have run then, in build order: one when the evidence shows it, two or three
 *               across a change the evidence does not date (the build before, the new CU's own build when the change
 *               crossed a CU, the build after), none when nothing shows the build
 * @param noExchange true before a fresh install: the server did not run Exchange then
 * @param basis  what shows it, for people ({@code HttpProxy logs}, {@code MsiInstaller event: KB5000871 installed})
 */
public record BuildSpan(Instant from, Instant to, List<String> builds, boolean noExchange, String basis) implements Serializable {

    public BuildSpan {
        builds = List.copyOf(builds);
    }

    /** Whether nothing shows which build ran then. */
    public boolean unknown() {
        return builds.isEmpty() && !noExchange;
    }
}
