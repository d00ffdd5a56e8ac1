package org.exhunt.logs.coverage;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.exhunt.core.Record;
import org.exhunt.core.facts.LogCoverage;

/**
 * Collects {@link LogCoverage} from the records as they are read: feed it every record ({@link #add}), then
 * ask for {@link #coverage()}. Builds come from what the logs say about the server that wrote them: an
 * Exchange header's {@code #Version} (field {@code LogVersion}, e.g. {@code 15.01.2375.007}), HttpProxy's
 * {@code MajorVersion/MinorVersion/BuildVersion/RevisionVersion} columns, and ECP's {@code BLD}/{@code Bld}
 * EventData key. A placeholder version with build and revision both 0 ({@code 15.0.0.0}, written by ECP
 * logs) is no build and is ignored. The computer's name comes from each log's own field for it (an event's
 * {@code Computer}, HttpProxy's {@code ServerHostName}, ECP's {@code ServerName}, IIS's {@code s-computername}).
 * Thread-safe; to keep a lock off the per-record path, give each file its
 * own collector and {@link #merge} it into a shared one when the file is done. Serializable, so that the coverage of
 * logs read on another machine can be merged the same way.
 */
public final class CoverageCollector implements Serializable {

    private final Map<String, Entry> byType = new TreeMap<>();

    public synchronized void add(Record r) {
        Entry e = byType.computeIfAbsent(r.type(), t -> new Entry());
        e.records++;
        Instant t = r.time();
        if (t == null) {
            e.withoutTime++;
        } else {
            if (e.oldest == null || t.isBefore(e.oldest)) e.oldest = t;
            if (e.newest == null || t.isAfter(e.newest)) e.newest = t;
        }
        String file = r.source().file();
        if (!file.equals(e.lastFile)) {
            e.files.add(file);
            e.lastFile = file;
        }
        build(e, e.header.normalize(r.field("LogVersion")), t);
        String major = r.field("MajorVersion");
        if (major != null) {
            build(e, e.columns.normalize(major, r.field("MinorVersion"), r.field("BuildVersion"), r.field("RevisionVersion")), t);
        }
        if (r.type().startsWith("exchange-ecp")) build(e, e.ecp.normalize(r.field("BLD")), t);
        String computerField = computerField(r.type());
        if (computerField != null) computer(e, r.field(computerField), 1);
    }

    /** The field in which a log of this type names the computer that wrote it, or null. */
    private static String computerField(String type) {
        if (type.equals("evtx")) return "Computer";
        if (type.equals("exchange-httpproxy")) return "ServerHostName";
        if (type.startsWith("exchange-ecp")) return "ServerName";
        if (type.equals("iis")) return "s-computername";
        return null;
    }

    private static void computer(Entry e, String name, long records) {
        if (name == null || name.isBlank() || name.equals("-")) return;
        long[] count = e.computers.get(name);
        if (count == null) {
            if (e.computers.size() >= LogCoverage.COMPUTERS_KEPT) return;
            e.computers.put(name, count = new long[1]);
        }
        count[0] += records;
    }

    /** Adds everything another collector saw (one file's records) to this one. */
    public void merge(CoverageCollector other) {
        Map<String, Entry> theirs;
        synchronized (other) {
            theirs = new TreeMap<>(other.byType);
        }
        synchronized (this) {
            theirs.forEach((type, o) -> {
                Entry e = byType.computeIfAbsent(type, t -> new Entry());
                e.records += o.records;
                e.withoutTime += o.withoutTime;
                if (o.oldest != null && (e.oldest == null || o.oldest.isBefore(e.oldest))) e.oldest = o.oldest;
                if (o.newest != null && (e.newest == null || o.newest.isAfter(e.newest))) e.newest = o.newest;
                e.files.addAll(o.files);
                o.builds.forEach((b, times) -> {
                    build(e, b, times[0]);
                    build(e, b, times[1]);
                });
                o.computers.forEach((name, count) -> computer(e, name, count[0]));
            });
        }
    }

    /** Coverage per record type, by type name. */
    public synchronized List<LogCoverage> coverage() {
        List<LogCoverage> out = new ArrayList<>();
        byType.forEach((type, e) -> {
            List<LogCoverage.BuildSeen> builds = new ArrayList<>();
            e.builds.forEach((b, times) -> builds.add(new LogCoverage.BuildSeen(b, times[0], times[1])));
            builds.sort(Comparator.comparing(LogCoverage.BuildSeen::build, Builds.ORDER));
            Map<String, Long> computers = new TreeMap<>();
            e.computers.forEach((name, count) -> computers.put(name, count[0]));
            out.add(new LogCoverage(type, e.files.size(), e.records, e.withoutTime, e.oldest, e.newest, builds, computers));
        });
        return out;
    }

    private static void build(Entry e, String build, Instant t) {
        if (build == null) return;
        Instant[] times = e.builds.computeIfAbsent(build, b -> new Instant[2]);
        if (t == null) return;
        if (times[0] == null || t.isBefore(times[0])) times[0] = t;
        if (times[1] == null || t.isAfter(times[1])) times[1] = t;
    }

    private static final class Entry implements Serializable {
        long records;
        long withoutTime;
        Instant oldest;
        Instant newest;
        final Set<String> files = new HashSet<>();
        String lastFile;
        final Map<String, Instant[]> builds = new HashMap<>();
        final Map<String, long[]> computers = new HashMap<>();
        // one memo per place a build is read from: HttpProxy records carry both a header and columns, whose forms
        // differ, so a memo shared by the two would miss on every record
        final LastBuild header = new LastBuild();
        final LastBuild columns = new LastBuild();
        final LastBuild ecp = new LastBuild();
    }

    /** The same version repeats on every line of a log: it is normalised once, while it does not change. */
    private static final class LastBuild implements Serializable {
        private String[] raw = new String[0];
        private String normalized;

        String normalize(String... parts) {
            if (parts[0] == null) return null;
            if (!Arrays.equals(parts, raw)) {
                raw = parts;
                normalized = Builds.normalize(String.join(".", parts));
            }
            return normalized;
        }
    }
}
