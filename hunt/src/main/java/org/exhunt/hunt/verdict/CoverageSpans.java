package org.exhunt.hunt.verdict;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.exhunt.core.facts.ExposureWindow.Span;

/**
 * The time the logs that can show an exploitation cover, file by file. Every exploited Exchange CVE is reached over
 * HTTP through IIS and the front end's proxy, so the IIS and HttpProxy logs are the ones that see every exploitation
 * of every chain ({@link #TYPES}); ECP, OAB generator and event logs see some steps of some chains only, and so
 * cannot vouch that nothing happened.
 *
 * <p>A file covers from its first record to its last, widened by half of {@link #QUIET} on either side: logs rotate
 * daily, and a quiet night between two files' records is not a gap, while a missing day's file is (its neighbours'
 * records lie at least 24 hours apart). Records outside {@code --since}/{@code --until} are not given here: they
 * cover nothing. Thread-safe.
 */
public final class CoverageSpans implements Serializable {

    /** The record types whose logs can show every exploitation of a chain. */
    public static final Set<String> TYPES = Set.of("iis", "exchange-httpproxy");
    /** The longest stretch without records that is still covered: a quiet night, not a missing day. */
    public static final Duration QUIET = Duration.ofHours(12);

    private record FileSpan(String type, Instant first, Instant last) implements Serializable {}

    private final List<FileSpan> files = new ArrayList<>();

    /** One file's records of a type, from the first to the last; types other than {@link #TYPES} are left aside. */
    public synchronized void add(String type, Instant first, Instant last) {
        if (TYPES.contains(type) && first != null && last != null) files.add(new FileSpan(type, first, last));
    }

    /** Adds the spans of logs read elsewhere (another part of the server's logs). */
    public synchronized void addAll(CoverageSpans other) {
        synchronized (other) {
            files.addAll(other.files);
        }
    }

    /** The time covered, in order, each span saying which logs cover it ({@code HttpProxy, IIS logs}). */
    public synchronized List<Span> covered() {
        List<FileSpan> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(FileSpan::first));
        Duration half = QUIET.dividedBy(2);
        List<Span> out = new ArrayList<>();
        Instant from = null;
        Instant to = null;
        TreeSet<String> types = new TreeSet<>();
        for (FileSpan f : sorted) {
            Instant a = f.first().minus(half);
            Instant b = f.last().plus(half);
            if (to != null && !a.isAfter(to)) {
                if (b.isAfter(to)) to = b;
                types.add(LogNames.of(f.type()));
            } else {
                if (from != null) out.add(new Span(from, to, String.join(", ", types) + " logs"));
                from = a;
                to = b;
                types = new TreeSet<>();
                types.add(LogNames.of(f.type()));
            }
        }
        if (from != null) out.add(new Span(from, to, String.join(", ", types) + " logs"));
        return out;
    }
}
