package org.exhunt.hunt.build;

import java.time.Instant;
import java.util.Objects;
import org.exhunt.core.SourceRef;
import org.exhunt.core.facts.BuildSource;
import org.exhunt.kb.BuildNumber;

/**
 * One sighting of the server's build.
 *
 * @param build  the build number (three parts when only the CU is known)
 * @param source what kind of evidence showed it
 * @param where  the file (and line) it was read from
 * @param path   the file as on the server, for people ({@code C:\...\Bin\ExSetup.exe})
 * @param from   the earliest time the evidence shows this build running (the first log record showing it, the
 *               oldest file of an OWA version folder), or {@code null}
 * @param to     the latest time the evidence shows it running (the last log record showing it), or {@code null}
 */
public record BuildObservation(BuildNumber build, BuildSource source, SourceRef where, String path, Instant from,
                               Instant to) {

    public BuildObservation {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(path, "path");
    }
}
