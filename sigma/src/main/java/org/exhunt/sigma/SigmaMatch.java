package org.exhunt.sigma;

import java.time.Instant;
import java.util.List;
import org.exhunt.core.Evidence;
import org.exhunt.core.Finding;
import org.exhunt.core.Limits;
import org.exhunt.core.Record;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.exhunt.sigma.mapping.RecordSpec;
import org.exhunt.sigma.rule.SigmaRule;

/**
 * A rule that fired on a record, with the field values that made it fire, and the kind of record it was read as
 * (whose mapping gives the rule's field names, for {@link #values}).
 */
public record SigmaMatch(SigmaRule rule, Record record, List<Evidence> matched, RecordSpec spec) {

    public static final String DETECTOR = "sigma";

    public SigmaMatch {
        matched = List.copyOf(matched);
    }

    /** The values of a field by the rule's name for it (as the rule's mapping reads the record). */
    public List<String> values(String field) {
        return spec.access(field).values(record);
    }

    /**
     * The finding: detector {@code sigma}, the rule's id, title, level and tags; its author, description and
     * references as metadata; as evidence the record's raw text then the values that matched; the record's
     * time and place.
     */
    public Finding toFinding() {
        Finding.Builder b = findingOf(rule, record.time(), record.source());
        if (record.raw() != null) b.evidence("raw", Evidence.shorten(record.raw(), Limits.EVIDENCE_CHARS));
        for (Evidence e : matched) b.evidence(e.name(), e.value());
        return b.build();
    }

    /**
     * A finding of a rule at a time and place, without evidence yet: detector {@code sigma}, the rule's id, title,
     * level and tags; its author, description and references as metadata. Its stage is the one the rule's tags state,
     * else that of an event no rule ties to a chain ({@link Stage#unstated}): the engine knows no chains, a scan's
     * attribution step decides again with the chain it gives.
     */
    public static Finding.Builder findingOf(SigmaRule rule, Instant time, SourceRef source) {
        Finding.Builder b = Finding.builder(DETECTOR, rule.id())
                .title(rule.title())
                .severity(rule.level())
                .tags(rule.tags())
                .stage(stage(rule.tags(), rule.level()))
                .time(time)
                .source(source);
        if (rule.author() != null) b.meta("author", rule.author());
        if (rule.description() != null) b.meta("description", rule.description().trim());
        if (!rule.references().isEmpty()) b.meta("references", String.join(" ", rule.references()));
        return b;
    }

    /** The stage of a Sigma rule's findings before any attribution: the one its tags state, else by its level. */
    public static Stage stage(List<String> tags, Severity level) {
        return Stage.stated(tags).orElseGet(() -> Stage.unstated(true, null, level));
    }
}
