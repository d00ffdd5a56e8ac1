package org.exhunt.sigma.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.exhunt.core.Evidence;
import org.exhunt.sigma.prefilter.Need;

/** The logical matchers: maps and {@code and} (all), lists and {@code or} (any), {@code not}, {@code N of}. */
public final class Logic {

    private Logic() {}

    /** All of the terms; those that state a literal (cheap string tests) are tried first. */
    public static Matcher all(List<Matcher> terms) {
        if (terms.size() == 1) return terms.get(0);
        List<Matcher> ordered = new ArrayList<>(terms);
        ordered.sort(java.util.Comparator.comparing(t -> t.need().always()));
        return new AtLeast(terms.size(), ordered, "all");
    }

    public static Matcher any(List<Matcher> terms) {
        return terms.size() == 1 ? terms.get(0) : new AtLeast(1, terms, "any");
    }

    /** At least {@code n} of the terms. */
    public static Matcher atLeast(int n, List<Matcher> terms) {
        if (n == terms.size()) return all(terms);
        if (n == 1) return any(terms);
        return new AtLeast(n, terms, n + "-of");
    }

    public static Matcher not(Matcher term) {
        return new Not(term);
    }

    static final class AtLeast implements Matcher {
        private final int n;
        private final Matcher[] terms;
        private final String label;
        private final Need need;

        AtLeast(int n, List<Matcher> terms, String label) {
            this.n = n;
            this.terms = terms.toArray(Matcher[]::new);
            this.label = label;
            List<Need> needs = terms.stream().map(Matcher::need).toList();
            // all: any one term's literal is required; otherwise a match may come from any term
            this.need = n == terms.size() ? Need.both(needs) : Need.either(needs);
        }

        @Override
        public boolean matches(Evaluation ev) {
            int hit = 0;
            int left = terms.length;
            for (Matcher t : terms) {
                if (t.matches(ev) && ++hit >= n) return true;
                if (hit + --left < n) return false;
            }
            return false;
        }

        @Override
        public void explain(Evaluation ev, List<Evidence> out) {
            for (Matcher t : terms) {
                if (t.matches(ev)) t.explain(ev, out);
            }
        }

        @Override
        public Need need() {
            return need;
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            for (Matcher t : terms) parts.add(t.toString());
            return parts.stream().collect(Collectors.joining(" ", "(" + label + " ", ")"));
        }
    }

    static final class Not implements Matcher {
        private final Matcher term;

        Not(Matcher term) {
            this.term = term;
        }

        @Override
        public boolean matches(Evaluation ev) {
            return !term.matches(ev);
        }

        @Override
        public void explain(Evaluation ev, List<Evidence> out) {
            // a negation matches because something is absent: nothing to show
        }

        @Override
        public Need need() {
            return Need.ALWAYS;
        }

        @Override
        public String toString() {
            return "(not " + term + ")";
        }
    }
}
