package org.exhunt.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The time axis of the HTML timeline: linear, but broken at long quiet gaps. Evidence of an attack comes in
 * bursts (a few minutes of ProxyLogon in March 2021, a probe in October 2022); on one linear axis the first
 * burst would be a single blot. So the axis is cut at the largest gap while that gap is longer than
 * {@link #MIN_BREAK} and more than half of the stretch it lies in, at most {@link #MAX_BREAKS} times; the
 * stretches share the width equally (a stretch that is a single instant gets {@link #POINT_WIDTH}), with a
 * {@link #BREAK_WIDTH} gap drawn between them. Within a stretch, x is linear in time.
 */
final class TimeAxis {

    static final int MAX_BREAKS = 4;
    static final Duration MIN_BREAK = Duration.ofHours(1);
    static final int BREAK_WIDTH = 30;
    static final int POINT_WIDTH = 90;

    /** A stretch of time drawn from x {@code left} to {@code right}. */
    record Segment(Instant from, Instant to, int left, int right) {
        boolean isInstant() {
            return from.equals(to);
        }

        int x(Instant t) {
            if (isInstant()) return (left + right) / 2;
            double fraction = (double) Duration.between(from, t).toMillis() / Duration.between(from, to).toMillis();
            return left + (int) Math.round(fraction * (right - left));
        }
    }

    private final List<Segment> segments;

    private TimeAxis(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /** The axis for these times (at least one) drawn between x {@code left} and {@code right}. */
    static TimeAxis of(List<Instant> times, int left, int right) {
        List<List<Instant>> stretches = new ArrayList<>();
        stretches.add(new ArrayList<>(new TreeSet<>(times)));
        int breaks = 0;
        while (breaks < MAX_BREAKS && split(stretches)) breaks++;
        int instants = (int) stretches.stream().filter(s -> s.size() == 1).count();
        int spans = stretches.size() - instants;
        int free = right - left - (stretches.size() - 1) * BREAK_WIDTH;
        int pointWidth = spans == 0 ? free / stretches.size() : Math.min(POINT_WIDTH, free / stretches.size());
        int spanWidth = spans == 0 ? 0 : (free - instants * pointWidth) / spans;
        List<Segment> segments = new ArrayList<>();
        int x = left;
        for (List<Instant> s : stretches) {
            int width = s.size() == 1 ? pointWidth : spanWidth;
            segments.add(new Segment(s.get(0), s.get(s.size() - 1), x, x + width));
            x += width + BREAK_WIDTH;
        }
        return new TimeAxis(segments);
    }

    /** Cuts the stretch holding the widest gap that qualifies; false when no gap does. */
    private static boolean split(List<List<Instant>> stretches) {
        int bestStretch = -1;
        int bestIndex = -1;
        Duration bestGap = Duration.ZERO;
        for (int s = 0; s < stretches.size(); s++) {
            List<Instant> times = stretches.get(s);
            Duration span = Duration.between(times.get(0), times.get(times.size() - 1));
            for (int i = 1; i < times.size(); i++) {
                Duration gap = Duration.between(times.get(i - 1), times.get(i));
                if (gap.compareTo(MIN_BREAK) >= 0 && gap.multipliedBy(2).compareTo(span) > 0 && gap.compareTo(bestGap) > 0) {
                    bestStretch = s;
                    bestIndex = i;
                    bestGap = gap;
                }
            }
        }
        if (bestStretch < 0) return false;
        List<Instant> times = stretches.remove(bestStretch);
        stretches.add(bestStretch, new ArrayList<>(times.subList(bestIndex, times.size())));
        stretches.add(bestStretch, new ArrayList<>(times.subList(0, bestIndex)));
        return true;
    }

    List<Segment> segments() {
        return segments;
    }

    /** The x of a time that lies within one of the segments. */
    int x(Instant t) {
        for (Segment s : segments) {
            if (!t.isBefore(s.from()) && !t.isAfter(s.to())) return s.x(t);
        }
        throw new IllegalArgumentException(t + " is not on this axis");
    }

    /** {@code from–to [left,right]} per segment, one per line: the axis in a form a test can compare. */
    String dump() {
        StringBuilder s = new StringBuilder();
        for (Segment g : segments) {
            s.append(g.from()).append(g.isInstant() ? "" : "–" + g.to()).append(" [").append(g.left()).append(',')
                    .append(g.right()).append("]\n");
        }
        return s.toString();
    }
}
