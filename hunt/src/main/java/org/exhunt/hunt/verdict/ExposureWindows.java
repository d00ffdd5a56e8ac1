package org.exhunt.hunt.verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.exhunt.core.facts.ExposureWindow;
import org.exhunt.core.facts.ExposureWindow.Span;
import org.exhunt.core.facts.PatchEvent;
import org.exhunt.hunt.history.BuildTimeline;

/**
 * Each chain's exposure window (docs/ARCHITECTURE.md, "Verdicts"): from the chain's first exploitation in the wild
 * until the earliest evidence that the server runs a build that fixes it, or the end of the evidence when none does;
 * within it, the stretches the build timeline leaves possibly exposed, and which of them the IIS and HttpProxy logs
 * cover. When the evidence ends before the chain was first exploited, on a build not fixed then, the window lies
 * after the evidence, and none of it can be covered.
 */
public final class ExposureWindows {

    private ExposureWindows() {}

    /**
     * @param covered what the logs that can show an exploitation cover ({@link CoverageSpans#covered})
     */
    public static ExposureWindow of(String row, Instant firstExploited, BuildTimeline timeline, List<Span> covered) {
        Instant end = timeline.end();
        Optional<BuildTimeline.Fixed> fixed = timeline.fixedSince(row);
        List<PatchEvent> events = new ArrayList<>();
        fixed.ifPresent(f -> addAll(events, f.events()));
        if (end == null) {
            List<Span> open = List.of(new Span(firstExploited, null, "nothing in the evidence has a time: the build cannot be dated"));
            return new ExposureWindow(firstExploited, firstExploited, null, null, null, open, List.of(), open,
                    List.copyOf(CoverageSpans.TYPES.stream().sorted().toList()), events);
        }
        if (end.isBefore(firstExploited)) {
            if (fixed.isPresent()) return empty(firstExploited, end, fixed.get(), events);
            List<Span> after = List.of(new Span(firstExploited, null, "after the end of the evidence, on a build not fixed then"));
            timeline.exposed(row).stream().filter(e -> e.to() == null || !e.to().isBefore(end))
                    .forEach(e -> addAll(events, e.events()));
            return new ExposureWindow(firstExploited, firstExploited, null, null, end, after, List.of(), after, types(), events);
        }
        Instant start = timeline.exchangeSince().filter(s -> s.isAfter(firstExploited)).orElse(firstExploited);
        List<Span> exposed = new ArrayList<>();
        for (BuildTimeline.Exposed e : timeline.exposed(row)) {
            Instant from = e.from() == null || e.from().isBefore(start) ? start : e.from();
            Instant to = e.to() == null || e.to().isAfter(end) ? end : e.to();
            if (!to.isAfter(from)) continue;
            exposed.add(new Span(from, to, e.why()));
            addAll(events, e.events());
        }
        if (exposed.isEmpty()) {
            return fixed.isPresent() ? empty(firstExploited, end, fixed.get(), events)
                    : new ExposureWindow(firstExploited, start, start, null, end, List.of(), List.of(), List.of(), types(), events);
        }
        Instant windowEnd = fixed.map(BuildTimeline.Fixed::since).filter(s -> s != null).orElse(end);
        return new ExposureWindow(firstExploited, start, windowEnd, fixed.map(BuildTimeline.Fixed::since).orElse(null), end,
                exposed, Spans.within(exposed, covered), Spans.outside(exposed, covered), types(), events);
    }

    /** A window with nothing in it: the chain was fixed (or Exchange not yet installed) before it was exploited. */
    private static ExposureWindow empty(Instant firstExploited, Instant end, BuildTimeline.Fixed fixed, List<PatchEvent> events) {
        Instant since = fixed.since();
        Instant start = since == null || since.isBefore(firstExploited) ? firstExploited : since;
        return new ExposureWindow(firstExploited, start, start, since, end, List.of(), List.of(), List.of(), types(), events);
    }

    private static List<String> types() {
        return CoverageSpans.TYPES.stream().sorted().toList();
    }

    private static void addAll(List<PatchEvent> to, List<PatchEvent> more) {
        for (PatchEvent e : more) if (!to.contains(e)) to.add(e);
    }
}
