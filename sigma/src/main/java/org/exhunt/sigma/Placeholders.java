package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.exhunt.sigma.modifier.ValueChain;
import org.exhunt.sigma.yaml.YNode;
import org.exhunt.sigma.yaml.YamlProblem;
import org.exhunt.sigma.yaml.YamlTree;

/**
 * A site's values for the placeholders of {@code expand} ({@code %Administrators%}, {@code %Servers%}, ...),
 * read from a YAML file that maps each name to a value or a list of values (Sigma strings, so wildcards work):
 *
 * <pre>
 * Administrators: ['admin*', 'exadmin']
 * DomainControllers: DC01
 * </pre>
 */
public final class Placeholders implements ValueChain.Placeholders {

    private final Map<String, List<String>> values;

    private Placeholders(Map<String, List<String>> values) {
        this.values = values;
    }

    public static Placeholders none() {
        return new Placeholders(Map.of());
    }

    public static Placeholders of(Map<String, List<String>> values) {
        return new Placeholders(Map.copyOf(values));
    }

    /** Reads a placeholder file; a malformed one is a {@link YamlProblem} naming the line. */
    public static Placeholders parse(String name, String text) throws YamlProblem {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (YNode doc : YamlTree.parseAll(name, text)) {
            if (!(doc instanceof YNode.YMap m)) throw new YamlProblem("a placeholder file maps names to values", doc.line(), doc.column());
            for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
                List<String> list = new ArrayList<>();
                if (e.getValue() instanceof YNode.YScalar s && !s.isNull()) list.add(s.text());
                else if (e.getValue() instanceof YNode.YList l) {
                    for (YNode i : l.items()) {
                        if (!(i instanceof YNode.YScalar s) || s.isNull()) throw new YamlProblem("a placeholder value is plain text", i.line(), i.column());
                        list.add(s.text());
                    }
                } else {
                    throw new YamlProblem("placeholder '" + e.getKey() + "' needs a value or a list of values", m.lineOf(e.getKey()), 1);
                }
                out.put(e.getKey(), List.copyOf(list));
            }
        }
        return new Placeholders(Map.copyOf(out));
    }

    @Override
    public List<String> values(String name) {
        return values.get(name);
    }

    /** The values as one text, the same for the same values: compiled rules are only used with those they were written for. */
    String fingerprint() {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(values).forEach((name, list) -> {
            s.append(name.length()).append(':').append(name).append(list.size()).append('[');
            for (String v : list) s.append(v.length()).append(':').append(v);
            s.append(']');
        });
        return s.toString();
    }
}
