package org.exhunt.core;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a detector found: which rule, how serious, the evidence, when it happened and where it was seen.
 * Immutable; build one with {@link #builder(String, String)}.
 *
 * @param detector  the engine that produced it: {@code ioc}, {@code yara}, {@code sigma}, {@code kb}, ...
 * @param ruleId    stable id of the rule (a Sigma id, a YARA rule name, an IOC list entry)
 * @param title     one line a person reads
 * @param severity  how serious
 * @param chain     the attack chain (verdict row) the rule is evidence for, or {@code null} when the rule
 *                  itself does not say (post-exploitation traces are linked to a chain later)
 * @param stage     what the finding says about an intrusion, set once when it is made ({@link Stage})
 * @param tags      the rule's tags, as the rule gives them, e.g. {@code cve.2021-26855}, {@code attack.t1505.003}
 * @param meta      rule metadata worth showing (author, description, reference)
 * @param evidence  what was seen, in the order the detector reports it
 * @param time      when the evidence happened (UTC), or {@code null} when unknown
 * @param source    where the evidence was read
 * @param linked    findings this one ties together (a correlation's events), possibly empty
 */
public record Finding(String detector, String ruleId, String title, Severity severity, String chain, Stage stage,
                      List<String> tags, Map<String, String> meta, List<Evidence> evidence, Instant time,
                      SourceRef source, List<Finding> linked) implements Serializable {

    public Finding {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(source, "source");
        tags = List.copyOf(tags);
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
        evidence = List.copyOf(evidence);
        linked = List.copyOf(linked);
    }

    public static Builder builder(String detector, String ruleId) {
        return new Builder(detector, ruleId);
    }

    /** A builder holding everything of {@code f}, to derive a changed copy. */
    public static Builder builder(Finding f) {
        Builder b = new Builder(f.detector, f.ruleId).title(f.title).severity(f.severity).chain(f.chain).stage(f.stage)
                .tags(f.tags).time(f.time).source(f.source);
        f.meta.forEach(b::meta);
        f.evidence.forEach(e -> b.evidence(e.name(), e.value()));
        f.linked.forEach(b::link);
        return b;
    }

    /** The first evidence value with this name, or {@code null}. */
    public String evidence(String name) {
        for (Evidence e : evidence) {
            if (e.name().equals(name)) return e.value();
        }
        return null;
    }

    /** Collects the parts of a {@link Finding}; title, severity, stage and source are required. */
    public static final class Builder {
        private final String detector;
        private final String ruleId;
        private String title;
        private Severity severity;
        private String chain;
        private Stage stage;
        private final List<String> tags = new ArrayList<>();
        private final Map<String, String> meta = new LinkedHashMap<>();
        private final List<Evidence> evidence = new ArrayList<>();
        private Instant time;
        private SourceRef source;
        private final List<Finding> linked = new ArrayList<>();

        private Builder(String detector, String ruleId) {
            this.detector = detector;
            this.ruleId = ruleId;
        }

        public Builder title(String title) { this.title = title; return this; }
        public Builder severity(Severity severity) { this.severity = severity; return this; }
        public Builder chain(String chain) { this.chain = chain; return this; }
        public Builder stage(Stage stage) { this.stage = stage; return this; }
        public Builder tag(String tag) { tags.add(tag); return this; }
        public Builder tags(List<String> tags) { this.tags.addAll(tags); return this; }
        public Builder meta(String key, String value) { meta.put(key, value); return this; }
        public Builder evidence(String name, String value) { evidence.add(new Evidence(name, value)); return this; }
        public Builder time(Instant time) { this.time = time; return this; }
        public Builder source(SourceRef source) { this.source = source; return this; }
        public Builder link(Finding finding) { linked.add(finding); return this; }

        public Finding build() {
            return new Finding(detector, ruleId, title, severity, chain, stage, tags, meta, evidence, time, source, linked);
        }
    }
}
