package org.exhunt.sigma.modifier;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Limits;
import org.exhunt.sigma.value.SigmaValue;

/**
 * {@code expand}: each {@code %name%} placeholder becomes each of the values the site configured for it (a
 * value may hold wildcards); {@code \%} is a plain percent sign. A placeholder with no configured values makes
 * the rule inactive: it is loaded, reported, and never runs.
 */
final class ExpandModifier {

    private ExpandModifier() {}

    static final List<Modifier> ALL = List.of(Modifier.of("expand", ExpandModifier::apply));

    private static void apply(ValueChain chain) throws ModifierException {
        chain.transform(v -> {
            if (!(v instanceof SigmaValue.Str s)) return List.of(v);
            List<StringBuilder> variants = new ArrayList<>(List.of(new StringBuilder()));
            String raw = s.raw();
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                int close = c == '%' ? raw.indexOf('%', i + 1) : -1;
                if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == '%') {
                    for (StringBuilder b : variants) b.append('%');
                    i++;
                } else if (close > i + 1) {
                    String name = raw.substring(i + 1, close);
                    List<String> values = chain.placeholders().values(name);
                    if (values == null || values.isEmpty()) {
                        chain.unresolved(name);
                        values = List.of("%" + name + "%");
                    }
                    variants = combine(variants, values);
                    i = close;
                } else {
                    for (StringBuilder b : variants) b.append(c);
                }
            }
            List<SigmaValue> out = new ArrayList<>();
            for (StringBuilder b : variants) out.add(SigmaValue.Str.of(b.toString()));
            return out;
        });
    }

    private static List<StringBuilder> combine(List<StringBuilder> prefixes, List<String> values) throws ModifierException {
        if ((long) prefixes.size() * values.size() > Limits.SIGMA_VALUE_EXPANSIONS) {
            throw new ModifierException("placeholders expand into more than " + Limits.SIGMA_VALUE_EXPANSIONS + " values");
        }
        List<StringBuilder> out = new ArrayList<>();
        for (StringBuilder p : prefixes) {
            for (String v : values) out.add(new StringBuilder(p).append(v));
        }
        return out;
    }
}
