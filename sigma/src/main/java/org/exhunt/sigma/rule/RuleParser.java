package org.exhunt.sigma.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.sigma.mapping.LogSource;
import org.exhunt.sigma.yaml.Scalars;
import org.exhunt.sigma.yaml.YNode;
import org.exhunt.sigma.yaml.YNode.YList;
import org.exhunt.sigma.yaml.YNode.YMap;
import org.exhunt.sigma.yaml.YNode.YScalar;

/** Reads one YAML document into a {@link SigmaRule}. Entry point: {@link #parse(String, YNode)}. */
public final class RuleParser {

    private static final Set<String> LEVELS = Set.of("informational", "low", "medium", "high", "critical");

    private RuleParser() {}

    public static SigmaRule parse(String file, YNode doc) throws RuleException {
        if (!(doc instanceof YMap m)) throw new RuleException(RuleException.STRUCTURE, doc.line(), "a rule is a YAML map");
        String title = text(m, "title");
        if (title == null) throw new RuleException(RuleException.STRUCTURE, m.line(), "the rule has no 'title'");
        String id = text(m, "id");
        YMap ls = map(m, "logsource");
        if (ls == null) throw new RuleException(RuleException.STRUCTURE, m.line(), "the rule has no 'logsource'");
        LogSource logsource = new LogSource(text(ls, "category"), text(ls, "product"), text(ls, "service"));
        YMap det = map(m, "detection");
        if (det == null) throw new RuleException(RuleException.STRUCTURE, m.line(), "the rule has no 'detection'");
        List<SigmaRule.Condition> conditions = conditions(det, m.lineOf("detection"));
        Map<String, YNode> searches = new LinkedHashMap<>(det.entries());
        searches.remove("condition");
        Map<String, Integer> lines = new LinkedHashMap<>(det.keyLines());
        lines.remove("condition");
        YMap detection = new YMap(searches, lines, det.line(), det.column());
        return new SigmaRule(SourceRef.line(file, m.line()), id != null ? id : title, text(m, "name"), title,
                text(m, "status"), level(m), text(m, "description"), author(m), strings(m, "references"),
                strings(m, "tags"), logsource, detection, conditions);
    }

    /**
     * Reads a filter document: {@code title}, {@code logsource} and {@code filter} holding {@code rules} (ids or
     * names) and a detection (search identifiers and {@code condition}).
     */
    public static SigmaFilter parseFilter(String file, YNode doc) throws RuleException {
        YMap m = (YMap) doc;
        String title = text(m, "title");
        if (title == null) throw new RuleException(RuleException.STRUCTURE, m.line(), "the filter has no 'title'");
        YMap ls = map(m, "logsource");
        LogSource logsource = ls == null ? new LogSource(null, null, null)
                : new LogSource(text(ls, "category"), text(ls, "product"), text(ls, "service"));
        YMap f = map(m, "filter");
        if (f == null) throw new RuleException(RuleException.STRUCTURE, m.lineOf("filter"), "'filter' must be a map");
        List<String> rules = strings(f, "rules");
        if (rules.isEmpty()) throw new RuleException(RuleException.STRUCTURE, m.lineOf("filter"), "the filter names no 'rules'");
        List<SigmaRule.Condition> conditions = conditions(f, m.lineOf("filter"));
        Map<String, YNode> searches = new LinkedHashMap<>(f.entries());
        searches.remove("condition");
        searches.remove("rules");
        Map<String, Integer> lines = new LinkedHashMap<>(f.keyLines());
        lines.remove("condition");
        lines.remove("rules");
        String id = text(m, "id");
        SigmaRule detection = new SigmaRule(SourceRef.line(file, m.line()), id != null ? id : title, text(m, "name"), title,
                null, Severity.INFORMATIONAL, text(m, "description"), author(m), List.of(), List.of(), logsource,
                new YMap(searches, lines, f.line(), f.column()), conditions);
        return new SigmaFilter(detection, rules);
    }

    private static List<SigmaRule.Condition> conditions(YMap det, int detectionLine) throws RuleException {
        YNode c = det.get("condition");
        if (c == null) throw new RuleException(RuleException.STRUCTURE, detectionLine, "the detection has no 'condition'");
        List<SigmaRule.Condition> out = new ArrayList<>();
        if (c instanceof YScalar s && !s.isNull()) {
            out.add(new SigmaRule.Condition(s.text(), s.line()));
        } else if (c instanceof YList l && !l.items().isEmpty()) {
            for (YNode i : l.items()) {
                if (!(i instanceof YScalar s) || s.isNull()) {
                    throw new RuleException(RuleException.STRUCTURE, i.line(), "a condition is a text");
                }
                out.add(new SigmaRule.Condition(s.text(), s.line()));
            }
        } else {
            throw new RuleException(RuleException.STRUCTURE, c.line(), "'condition' must be a text or a list of texts");
        }
        return out;
    }

    private static Severity level(YMap m) throws RuleException {
        String level = text(m, "level");
        if (level == null) return Severity.INFORMATIONAL;
        if (!LEVELS.contains(level.toLowerCase(java.util.Locale.ROOT))) {
            throw new RuleException(RuleException.STRUCTURE, m.lineOf("level"), "unknown level '" + level + "'");
        }
        return Severity.parse(level);
    }

    private static String author(YMap m) {
        YNode a = m.get("author");
        if (a instanceof YList) return String.join(", ", strings(m, "author"));
        return text(m, "author");
    }

    private static String text(YMap m, String key) {
        return Scalars.text(m.get(key));
    }

    private static YMap map(YMap m, String key) {
        return m.get(key) instanceof YMap v ? v : null;
    }

    private static List<String> strings(YMap m, String key) {
        return Scalars.strings(m.get(key));
    }
}
