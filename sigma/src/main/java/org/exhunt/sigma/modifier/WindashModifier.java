package org.exhunt.sigma.modifier;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Limits;
import org.exhunt.sigma.value.SigmaString;
import org.exhunt.sigma.value.SigmaValue;

/**
 * {@code windash}: Windows programs take {@code -x} and {@code /x} alike, and some also the en dash, em dash
 * and horizontal bar. A dash that starts an option (not after a letter or digit, and before one) becomes each
 * of the five, in every combination.
 */
final class WindashModifier {

    private WindashModifier() {}

    static final String DASHES = "-/\u2013\u2014\u2015";

    static final List<Modifier> ALL = List.of(Modifier.of("windash", WindashModifier::apply));

    private static void apply(ValueChain chain) throws ModifierException {
        chain.transform(v -> {
            if (!(v instanceof SigmaValue.Str s) || s.bytes() != null) return List.of(v);
            List<SigmaValue> out = new ArrayList<>();
            for (SigmaString variant : variants(s.pattern())) out.add(new SigmaValue.Str(s.raw(), variant, null));
            return out;
        });
    }

    /** Every variant of a value; the value itself comes first. */
    static List<SigmaString> variants(SigmaString value) throws ModifierException {
        List<List<SigmaString.Part>> results = new ArrayList<>();
        results.add(new ArrayList<>());
        List<SigmaString.Part> parts = value.parts();
        for (int p = 0; p < parts.size(); p++) {
            if (!(parts.get(p) instanceof SigmaString.Literal lit)) {
                for (List<SigmaString.Part> r : results) r.add(parts.get(p));
                continue;
            }
            String t = lit.text();
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                boolean optionDash = DASHES.indexOf(c) >= 0
                        && (i == 0 || !isWordChar(t.charAt(i - 1)))
                        && i + 1 < t.length() && isWordChar(t.charAt(i + 1));
                List<List<SigmaString.Part>> next = new ArrayList<>();
                for (List<SigmaString.Part> r : results) {
                    if (!optionDash) {
                        append(r, c);
                        next.add(r);
                        continue;
                    }
                    append(r, c);
                    next.add(r);
                    for (char d : DASHES.toCharArray()) {
                        if (d == c) continue;
                        List<SigmaString.Part> copy = new ArrayList<>(r);
                        copy.set(copy.size() - 1, replaceLast((SigmaString.Literal) copy.get(copy.size() - 1), d));
                        next.add(copy);
                    }
                }
                if (next.size() > Limits.SIGMA_VALUE_EXPANSIONS) {
                    throw new ModifierException("'windash' expands " + value + " into more than "
                            + Limits.SIGMA_VALUE_EXPANSIONS + " values");
                }
                results = next;
            }
        }
        List<SigmaString> out = new ArrayList<>();
        for (List<SigmaString.Part> r : results) out.add(SigmaString.of(r));
        return out;
    }

    private static void append(List<SigmaString.Part> r, char c) {
        if (!r.isEmpty() && r.get(r.size() - 1) instanceof SigmaString.Literal l) {
            r.set(r.size() - 1, new SigmaString.Literal(l.text() + c));
        } else {
            r.add(new SigmaString.Literal(String.valueOf(c)));
        }
    }

    private static SigmaString.Literal replaceLast(SigmaString.Literal l, char c) {
        String t = l.text();
        return new SigmaString.Literal(t.substring(0, t.length() - 1) + c);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
