package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One sighting of a server's build, with what the knowledge base calls it.
 *
 * @param build  the build number ({@code 15.1.2176.9}; three parts when only the CU is known)
 * @param name   the knowledge base's name for it ({@code Exchange Server 2016 CU19 Mar21SU, released 2021-03-02})
 * @param source what kind of evidence showed it
 * @param path   where: the file as on the server ({@code C:\...\Bin\ExSetup.exe}, an OWA version folder), the log
 *               type ({@code exchange-httpproxy logs}), or for {@link BuildSource#HTTP} what showed it
 *               ({@code X-OWA-Version header})
 * @param from   the earliest time the evidence shows this build running (the first log record showing it, the oldest
 *               file of an OWA version folder), or null
 * @param to     the latest time the evidence shows it running (the last log record showing it), or null
 */
public record BuildSighting(String build, String name, BuildSource source, String path, Instant from, Instant to) implements Serializable {

    public BuildSighting {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
    }
}
