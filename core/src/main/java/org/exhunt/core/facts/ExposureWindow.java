package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * When a server was possibly open to one attack chain, and how much of that the logs can vouch for: the data behind
 * a chain row's verdict. The window runs from the chain's first exploitation in the wild (or a fresh install of
 * Exchange, if later) to the earliest evidence of a fixing build, or to the end of the evidence when there is none;
 * within it, the spans where the running build was vulnerable or is not known ({@code exposed}). A row is CLEAN
 * without findings only when {@code exposed} is empty or {@code gaps} is.
 *
 * @param firstExploited the chain's first exploitation in the wild
 * @param start          the window's start: {@code firstExploited}, or the fresh install when later
 * @param end            the window's end: the fix's earliest evidence ({@code fixedSince}), else the end of the
 *                       evidence; null when the window goes on past the evidence (no time in it at all, or the
 *                       chain first exploited after it on a build not fixed then)
 * @param fixedSince     the earliest evidence that the build running at the end of the evidence has the chain fixed,
 *                       or null (not fixed, or not known to be)
 * @param evidenceEnd    the end of the evidence: its latest log record or patch-history entry, or null
 * @param exposed        the spans within the window where the server was possibly exposed, each with why
 * @param covered        the parts of {@code exposed} that logs able to show the chain cover, each with which logs
 * @param gaps           the parts of {@code exposed} no such log covers
 * @param coveringLogs   the log types that can show the chain (record types: {@code iis}, {@code exchange-httpproxy})
 * @param patchEvents    the patch-history entries the spans rest on
 */
public record ExposureWindow(Instant firstExploited, Instant start, Instant end, Instant fixedSince, Instant evidenceEnd,
                             List<Span> exposed, List<Span> covered, List<Span> gaps, List<String> coveringLogs,
                             List<PatchEvent> patchEvents) implements Serializable {

    /**
     * A stretch of time and what it is: {@code CU19 (15.1.2176.2): vulnerable}, {@code IIS, HttpProxy logs}.
     *
     * @param to the end, or null for a span that goes on past the evidence (a chain first exploited after the
     *           evidence ends, on a server not yet fixed then)
     */
    public record Span(Instant from, Instant to, String what) implements Serializable {

        public boolean contains(Instant t) {
            return !t.isBefore(from) && (to == null || !t.isAfter(to));
        }
    }

    public ExposureWindow {
        exposed = List.copyOf(exposed);
        covered = List.copyOf(covered);
        gaps = List.copyOf(gaps);
        coveringLogs = List.copyOf(coveringLogs);
        patchEvents = List.copyOf(patchEvents);
    }

    /** Whether {@code t} lies in a span where the server was possibly exposed to the chain. */
    public boolean exposedAt(Instant t) {
        return exposed.stream().anyMatch(s -> s.contains(t));
    }

    /** Whether {@code t} lies in a possibly-exposed span of any of these windows (null windows ignored). */
    public static boolean anyExposedAt(Collection<ExposureWindow> windows, Instant t) {
        return windows.stream().anyMatch(w -> w != null && w.exposedAt(t));
    }
}
