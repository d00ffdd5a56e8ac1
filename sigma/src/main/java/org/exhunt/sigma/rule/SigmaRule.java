package org.exhunt.sigma.rule;

import java.util.List;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.sigma.mapping.LogSource;
import org.exhunt.sigma.yaml.YNode;

/**
 * A Sigma rule as read from its document: what it is, where it came from, which logs it is for, and its
 * detection (compiled later, once per kind of record it runs on). Immutable.
 *
 * @param where      the rule document's file and first line
 * @param id         the rule's id, or its title when it has none
 * @param level      severity from {@code level}, {@link Severity#INFORMATIONAL} when absent
 * @param detection  the {@code detection} map, without {@code condition}
 * @param conditions the condition texts (a list is OR-ed) with the line each is on
 */
public record SigmaRule(SourceRef where, String id, String name, String title, String status, Severity level,
                        String description, String author, List<String> references, List<String> tags,
                        LogSource logsource, YNode.YMap detection, List<Condition> conditions) {

    /** A condition's text and its line. */
    public record Condition(String text, int line) {}

    public SigmaRule {
        references = List.copyOf(references);
        tags = List.copyOf(tags);
        conditions = List.copyOf(conditions);
    }

    @Override
    public String toString() {
        return id + " " + title;
    }
}
