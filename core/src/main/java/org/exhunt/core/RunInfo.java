package org.exhunt.core;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What produced a report: the versions of exhunt, its rule pack and knowledge base, when the run began, and the
 * Sigma filter documents it applied. Every output names these, so that a result can be traced to what made it.
 *
 * @param filters the Sigma filter documents the run applied to its rules ({@code --filters}), in load order
 */
public record RunInfo(String exhuntVersion, String rulesVersion, String kbVersion, Instant started, List<Filter> filters) implements Serializable {

    /**
     * A Sigma filter document: the file it was read from, its id and title, and the rules it names (ids or names,
     * as written), which it tunes out events from.
     */
    public record Filter(String file, String id, String title, List<String> rules) implements Serializable {
        public Filter {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            rules = List.copyOf(rules);
        }
    }

    public RunInfo {
        Objects.requireNonNull(exhuntVersion, "exhuntVersion");
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        Objects.requireNonNull(kbVersion, "kbVersion");
        Objects.requireNonNull(started, "started");
        filters = List.copyOf(filters);
    }

    /** A run that applied no filter documents. */
    public RunInfo(String exhuntVersion, String rulesVersion, String kbVersion, Instant started) {
        this(exhuntVersion, rulesVersion, kbVersion, started, List.of());
    }

    /** The same run, with these filter documents applied. */
    public RunInfo withFilters(List<Filter> applied) {
        return new RunInfo(exhuntVersion, rulesVersion, kbVersion, started, applied);
    }
}
