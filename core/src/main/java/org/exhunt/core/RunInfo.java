package org.exhunt.core;

import java.time.Instant;
import java.util.Objects;

/**
 * What produced a report: the versions of exhunt, its rule pack and knowledge base, and when the run began.
 * Every output names these, so that a result can be traced to what made it.
 */
public record RunInfo(String exhuntVersion, String rulesVersion, String kbVersion, Instant started) {

    public RunInfo {
        Objects.requireNonNull(exhuntVersion, "exhuntVersion");
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        Objects.requireNonNull(kbVersion, "kbVersion");
        Objects.requireNonNull(started, "started");
    }
}
