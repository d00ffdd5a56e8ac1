package org.exhunt.sigma.rule;

import static org.exhunt.sigma.yaml.Scalars.strings;
import static org.exhunt.sigma.yaml.Scalars.text;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.sigma.value.Numbers;
import org.exhunt.sigma.yaml.YNode;
import org.exhunt.sigma.yaml.YNode.YList;
import org.exhunt.sigma.yaml.YNode.YMap;
import org.exhunt.sigma.yaml.YNode.YScalar;

/** Reads a correlation document into a {@link SigmaCorrelation}. Entry point: {@link #parse(String, YNode)}. */
public final class CorrelationParser {

    private CorrelationParser() {}

    public static SigmaCorrelation parse(String file, YNode doc) throws RuleException {
        YMap m = (YMap) doc;
        String title = text(m.get("title"));
        if (title == null) throw bad(m.line(), "the correlation has no 'title'");
        if (!(m.get("correlation") instanceof YMap c)) throw bad(m.lineOf("correlation"), "'correlation' must be a map");
        String typeText = text(c.get("type"));
        if (typeText == null) throw bad(m.lineOf("correlation"), "the correlation has no 'type'");
        SigmaCorrelation.Type type;
        try {
            type = SigmaCorrelation.Type.valueOf(typeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(c.lineOf("type"), "unknown correlation type '" + typeText + "'");
        }
        List<String> rules = strings(c.get("rules"));
        if (rules.isEmpty()) throw bad(c.lineOf("rules"), "the correlation names no 'rules'");
        List<String> groupBy = strings(c.get("group-by"));
        Duration timespan = timespan(text(c.get("timespan")), c.lineOf("timespan"));
        String field = null;
        SigmaCorrelation.Threshold threshold = null;
        if (c.get("condition") instanceof YMap cond) {
            field = text(cond.get("field"));
            threshold = threshold(cond);
        } else if (c.get("condition") != null) {
            throw bad(c.lineOf("condition"), "'condition' must be a map such as {gte: 10}");
        }
        boolean temporal = type == SigmaCorrelation.Type.TEMPORAL || type == SigmaCorrelation.Type.TEMPORAL_ORDERED;
        if (threshold == null && !temporal) throw bad(m.lineOf("correlation"), type.label() + " needs a 'condition'");
        boolean valueType = type.name().startsWith("VALUE_");
        if (valueType && field == null) throw bad(c.lineOf("condition"), type.label() + " needs 'field' in its condition");
        if (groupBy.isEmpty() && c.get("group-by") != null && !(c.get("group-by") instanceof YList)) {
            throw bad(c.lineOf("group-by"), "'group-by' must be a list of fields");
        }
        Map<String, Map<String, String>> aliases = aliases(c);
        String id = text(m.get("id"));
        String levelText = text(m.get("level"));
        Severity level;
        try {
            level = levelText == null ? null : Severity.parse(levelText);
        } catch (IllegalArgumentException e) {
            throw bad(m.lineOf("level"), "unknown level '" + levelText + "'");
        }
        boolean generate = m.get("generate") instanceof YScalar g ? g.text().equalsIgnoreCase("true")
                : c.get("generate") instanceof YScalar g2 && g2.text().equalsIgnoreCase("true");
        return new SigmaCorrelation(SourceRef.line(file, m.line()), id != null ? id : title, text(m.get("name")), title,
                level, text(m.get("description")), text(m.get("author")), strings(m.get("references")),
                strings(m.get("tags")), type, rules, groupBy, timespan, threshold, field, aliases, generate);
    }

    /** {@code Ns}, {@code Nm}, {@code Nh}, {@code Nd}. */
    static Duration timespan(String text, int line) throws RuleException {
        if (text == null) throw bad(line, "the correlation has no 'timespan'");
        String t = text.trim();
        if (t.length() < 2) throw bad(line, "timespan '" + text + "' is not a number and one of s, m, h, d");
        long n;
        try {
            n = Long.parseLong(t.substring(0, t.length() - 1));
        } catch (NumberFormatException e) {
            throw bad(line, "timespan '" + text + "' is not a number and one of s, m, h, d");
        }
        if (n <= 0) throw bad(line, "timespan '" + text + "' must be positive");
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> throw bad(line, "timespan '" + text + "' is not a number and one of s, m, h, d");
        };
    }

    private static SigmaCorrelation.Threshold threshold(YMap cond) throws RuleException {
        Double[] v = new Double[6];
        String[] ops = {"gt", "gte", "lt", "lte", "eq", "neq"};
        boolean any = false;
        for (Map.Entry<String, YNode> e : cond.entries().entrySet()) {
            if (e.getKey().equals("field")) continue;
            int i = List.of(ops).indexOf(e.getKey());
            if (i < 0) throw bad(cond.lineOf(e.getKey()), "unknown condition '" + e.getKey() + "' (gt, gte, lt, lte, eq, neq)");
            double d = e.getValue() instanceof YScalar s ? Numbers.parse(s.text()) : Double.NaN;
            if (Double.isNaN(d)) throw bad(cond.lineOf(e.getKey()), "'" + e.getKey() + "' takes a number");
            v[i] = d;
            any = true;
        }
        return any ? new SigmaCorrelation.Threshold(v[0], v[1], v[2], v[3], v[4], v[5]) : null;
    }

    private static Map<String, Map<String, String>> aliases(YMap c) throws RuleException {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (c.get("aliases") == null) return out;
        if (!(c.get("aliases") instanceof YMap a)) throw bad(c.lineOf("aliases"), "'aliases' must be a map");
        for (Map.Entry<String, YNode> e : a.entries().entrySet()) {
            if (!(e.getValue() instanceof YMap perRule)) throw bad(a.lineOf(e.getKey()), "alias '" + e.getKey() + "' must map rule names to fields");
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, YNode> r : perRule.entries().entrySet()) fields.put(r.getKey(), text(r.getValue()));
            out.put(e.getKey(), Map.copyOf(fields));
        }
        return out;
    }

    private static RuleException bad(int line, String message) {
        return new RuleException(RuleException.CORRELATION, line, message);
    }
}
