package org.exhunt.testkit.image;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The oracle's exposure window of one chain row (ARCHITECTURE.md, "Verdicts"), worked out from the scenario's own
 * story: what its evidence shows the server ran when, from its first exploitation in the wild to the end of the
 * evidence, and which of that the IIS and HttpProxy logs cover. A second, simple implementation of the window rule,
 * written from the story and the build table, never from exhunt's code: the time is cut at every point where what
 * the evidence shows may change, and each piece is judged at its middle.
 * <ul>
 *   <li>Inside a log that shows the build (HttpProxy, ECP), the build the server ran then.</li>
 *   <li>Elsewhere, the build of the latest evidence before (a log that showed one, a setup run, an update's
 *       Windows Installer event the Application log still holds), since only an install changes it; while a setup run
 *       or between evidence of two builds, either one, and the later CU's own build too when the CU changed.</li>
 *   <li>Before a fresh install's setup run, no Exchange; before any evidence, nothing known.</li>
 *   <li>The build installed now ({@code ExSetup.exe}) is the evidence at the end.</li>
 * </ul>
 * A piece is exposed when a build that may have run then is not fixed for the row, or nothing is known. A file of the
 * IIS and HttpProxy logs covers its day widened by six hours either way (ARCHITECTURE.md: a quiet night is no gap);
 * what is left uncovered by less than two hours is either answer, since a log's first and last lines fall within
 * the hour of its span's ends.
 */
final class OracleWindow {

    /** The logs whose lines show the build. */
    private static final Set<LogKind> SHOW_BUILD = EnumSet.of(LogKind.HTTPPROXY, LogKind.ECP_SERVER);
    /** The logs that see every exploitation of every chain. */
    private static final Set<LogKind> COVER = EnumSet.of(LogKind.IIS, LogKind.IIS_BACKEND, LogKind.HTTPPROXY);
    private static final Duration HALF_QUIET = Duration.ofHours(6);
    private static final Duration EITHER = Duration.ofHours(2);

    /** The right answers and why. */
    record Answer(List<String> compromise, String why) {}

    private final Scenario s;
    private final BuildTable table;
    private final String row;
    private final List<Scenario.PatchRecord> records;   // the ones the image holds

    private OracleWindow(Scenario s, BuildTable table, String row) {
        this.s = s;
        this.table = table;
        this.row = row;
        this.records = s.patchRecords().stream().filter(r -> r.kind() != Scenario.PatchRecord.Kind.MSI_UPDATE
                || s.logged(LogKind.APPLICATION, r.at())).toList();
    }

    static Answer of(Scenario s, BuildTable table, RowHistory.Row row) {
        return new OracleWindow(s, table, row.name()).decide(row.firstExploited());
    }

    private Answer decide(Instant first) {
        Instant end = end();
        if (end == null) return new Answer(List.of(Oracle.CANNOT_TELL), "nothing in the evidence has a time");
        if (end.isBefore(first)) {
            // at the end of the evidence the build installed now (ExSetup.exe) is the one seen running
            Boolean open = open(List.of(s.build()));
            if (open == null) return new Answer(List.of(Oracle.CLEAN, Oracle.CANNOT_TELL), "the table does not settle the build at the end");
            return open ? new Answer(List.of(Oracle.CANNOT_TELL), "the evidence ends before its first exploitation on " + day(first)
                    + ", on a build not fixed then")
                    : new Answer(List.of(Oracle.CLEAN), "fixed before its first exploitation on " + day(first));
        }
        TreeSet<Instant> cuts = cuts(first, end);
        Duration uncovered = Duration.ZERO;
        boolean exposedAtAll = false;
        boolean unsettled = false;
        Instant prev = null;
        for (Instant t : cuts) {
            if (prev != null) {
                Instant mid = prev.plus(Duration.between(prev, t).dividedBy(2));
                Boolean open = exposed(mid);
                if (open == null) unsettled = true;
                if (open == null || open) {
                    exposedAtAll |= open != null;
                    if (!covered(mid)) uncovered = uncovered.plus(Duration.between(prev, t));
                }
            }
            prev = t;
        }
        if (unsettled) return new Answer(List.of(Oracle.CLEAN, Oracle.CANNOT_TELL), "the table does not settle a build that ran");
        if (!exposedAtAll) return new Answer(List.of(Oracle.CLEAN), "never exposed since its first exploitation on " + day(first));
        if (uncovered.isZero()) return new Answer(List.of(Oracle.CLEAN), "exposed, and the IIS and HttpProxy logs cover all of it");
        if (uncovered.compareTo(EITHER) <= 0) {
            return new Answer(List.of(Oracle.CLEAN, Oracle.CANNOT_TELL), "the logs leave less than two hours of the window uncovered");
        }
        return new Answer(List.of(Oracle.CANNOT_TELL), "exposed since " + day(first) + " for longer than the logs cover ("
                + uncovered.toDays() + " days uncovered)");
    }

    /** The end of the evidence: the latest log's end or record of an install. */
    private Instant end() {
        Instant end = s.logsTo();
        for (Scenario.PatchRecord r : records) if (end == null || r.at().isAfter(end)) end = r.at();
        return end;
    }

    /** Every time at which what the evidence shows may change, between the two ends. */
    private TreeSet<Instant> cuts(Instant from, Instant to) {
        TreeSet<Instant> cuts = new TreeSet<>(List.of(from, to));
        List<Instant> all = new ArrayList<>();
        for (LogKind k : s.logs()) {
            all.add(s.span(k).from());
            all.add(s.span(k).to());
            if (COVER.contains(k)) {
                all.add(s.span(k).from().minus(HALF_QUIET));
                all.add(s.span(k).to().plus(HALF_QUIET));
            }
        }
        s.earlierBuilds().forEach(e -> all.add(e.until()));
        for (Scenario.PatchRecord r : records) {
            all.add(r.started());
            all.add(r.at());
        }
        for (Instant t : all) if (t.isAfter(from) && t.isBefore(to)) cuts.add(t);
        return cuts;
    }

    /** Whether the row was possibly exposed at {@code t}; null when the build table does not settle it. */
    private Boolean exposed(Instant t) {
        Scenario.PatchRecord fresh = records.stream().filter(r -> r.kind() == Scenario.PatchRecord.Kind.SETUP_INSTALL)
                .findFirst().orElse(null);
        if (fresh != null && t.isBefore(fresh.started())) return false;
        for (LogKind k : SHOW_BUILD) {
            if (s.logged(k, t)) return open(List.of(s.buildAt(t)));
        }
        // the latest evidence before t, and whether t lies within a setup run
        String before = null;
        Instant beforeAt = null;
        for (LogKind k : SHOW_BUILD) {
            Scenario.Span span = s.span(k);
            if (span != null && !span.to().isAfter(t) && (beforeAt == null || span.to().isAfter(beforeAt))) {
                beforeAt = span.to();
                before = s.buildAt(span.to().minusMillis(1));
            }
        }
        for (Scenario.PatchRecord r : records) {
            if (!r.at().isAfter(t) && (beforeAt == null || !r.at().isBefore(beforeAt))) {
                beforeAt = r.at();
                before = r.build();
            } else if (!r.started().isAfter(t) && r.at().isAfter(t)) {
                // within a setup or update run: either build, or a fresh install's own
                if (before == null) return r == fresh ? open(List.of(r.build())) : Boolean.TRUE;
                return open(either(before, r.build()));
            }
        }
        if (t.isBefore(end()) && !t.isBefore(beforeAt == null ? t : beforeAt)) {
            // between the last evidence and the end, where the build installed now is seen
            if (before == null) return true;
            return before.equals(s.build()) ? open(List.of(before)) : open(either(before, s.build()));
        }
        return before == null ? Boolean.TRUE : open(List.of(before));
    }

    /** The builds that may have run across a change from {@code a} to {@code b}: both, and b's CU's own build when the CU changed. */
    private List<String> either(String a, String b) {
        List<String> out = new ArrayList<>(List.of(a, b));
        if (!ServerFiles.cu(a).equals(ServerFiles.cu(b))) {
            table.all().stream().filter(x -> ServerFiles.cu(x.build()).equals(ServerFiles.cu(b))).findFirst()
                    .ifPresent(x -> out.add(x.build()));
        }
        return out;
    }

    /** Whether any of these builds leaves the row open; null when the table does not settle one that would decide. */
    private Boolean open(List<String> builds) {
        boolean unknown = false;
        for (String b : builds) {
            BuildTable.Build known = table.find(b).orElse(null);
            if (known == null) return true;
            String e = Oracle.exposure(row, known, java.util.Set.of());
            if (e == null) unknown = true;
            else if (e.equals(Oracle.VULNERABLE) || e.equals(Oracle.MITIGATED)) return true;
        }
        return unknown ? null : Boolean.FALSE;
    }

    private boolean covered(Instant t) {
        for (LogKind k : COVER) {
            Scenario.Span span = s.span(k);
            if (span != null && !t.isBefore(span.from().minus(HALF_QUIET)) && t.isBefore(span.to().plus(HALF_QUIET))) return true;
        }
        return false;
    }

    private static String day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }
}
