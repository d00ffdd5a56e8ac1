package org.exhunt.hunt.verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.facts.ExposureWindow.Span;

/** Intersection and difference of spans of time, each list in time order and without overlaps; {@code to} null: open. */
final class Spans {

    private Spans() {}

    /** The parts of {@code a} that {@code b} covers, each keeping the covering span's {@code what}. */
    static List<Span> within(List<Span> a, List<Span> b) {
        List<Span> out = new ArrayList<>();
        for (Span x : a) {
            for (Span y : b) {
                Instant from = later(x.from(), y.from());
                Instant to = earlier(x.to(), y.to());
                if (to == null || to.isAfter(from)) out.add(new Span(from, to, y.what()));
            }
        }
        return out;
    }

    /** The parts of {@code a} that {@code b} does not cover, each keeping its own {@code what}. */
    static List<Span> outside(List<Span> a, List<Span> b) {
        List<Span> out = new ArrayList<>();
        for (Span x : a) {
            Instant from = x.from();
            boolean done = false;
            for (Span y : b) {
                if (done) break;
                if (y.to() != null && !y.to().isAfter(from)) continue;
                if (x.to() != null && !y.from().isBefore(x.to())) break;
                if (y.from().isAfter(from)) out.add(new Span(from, y.from(), x.what()));
                if (y.to() == null || (x.to() != null && !y.to().isBefore(x.to()))) {
                    done = true;
                } else {
                    from = later(from, y.to());
                }
            }
            if (!done && (x.to() == null || x.to().isAfter(from))) out.add(new Span(from, x.to(), x.what()));
        }
        return out;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The earlier end; null is open, later than any time. */
    private static Instant earlier(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isBefore(b) ? a : b;
    }
}
