package org.exhunt.testkit.image;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exhunt.core.Rows;
import org.exhunt.testkit.logs.PlantedEvent;

/**
 * What a correct scan concludes from a scenario, worked out from the scenario alone with ARCHITECTURE.md's
 * verdict rules and the build table's own columns, never with exhunt's code: a second, independent
 * implementation of the rules, so that the scan and this oracle check each other.
 *
 * <ul>
 *   <li>Exposure: the chains from the table's {@code patched_for}, the other CVE rows from {@code other_kev_fixed};
 *       ProxyLogon is MITIGATED on a vulnerable build behind EOMT's rules (EOMTv2 does not stop OWASSRF, so it
 *       mitigates no row). Where the table is known to answer differently from Microsoft's CVE records
 *       (rules/README.md), the exposure is left open (null).</li>
 *   <li>Compromise: COMPROMISED on a success trace in the logs or a file linked to the chain; ATTEMPTED on
 *       attempts alone; otherwise the exposure window decides ({@link OracleWindow}): CLEAN only when the server was
 *       never possibly exposed since the chain's first exploitation in the wild, or when the IIS and HttpProxy logs
 *       cover all of the time it was; else CANNOT_TELL.</li>
 *   <li>Post-exploitation: COMPROMISED when a post-exploitation trace or file is linked to no chain; else CLEAN, since
 *       every image the builder writes holds the folders IIS serves.</li>
 *   <li>Findings: one per trace and per file left behind, and for each such file IIS serves, its use at the first
 *       request to it in the logs (post-exploitation, the file's chain).</li>
 *   <li>Exit code: 1 on any ATTEMPTED or COMPROMISED row, 4 on any VULNERABLE exposure, 3 on any CANNOT_TELL,
 *       else 0 (the images are fully readable).</li>
 * </ul>
 */
public final class Oracle {

    static final String PATCHED = "PATCHED";
    static final String MITIGATED = "MITIGATED";
    static final String VULNERABLE = "VULNERABLE";
    static final String NOT_AFFECTED = "NOT_AFFECTED";
    static final String UNKNOWN = "UNKNOWN";
    static final String CLEAN = "CLEAN";
    static final String ATTEMPTED = "ATTEMPTED";
    static final String COMPROMISED = "COMPROMISED";
    static final String CANNOT_TELL = "CANNOT_TELL";

    private static final LocalDate APRIL_2021_SU = LocalDate.parse("2021-04-13");
    private static final LocalDate JULY_2021_SU = LocalDate.parse("2021-07-13");

    private Oracle() {}

    public static ExpectedScan expect(Scenario s, BuildTable table) {
        List<ExpectedScan.Finding> findings = findings(s);
        List<ExpectedScan.Row> rows = new ArrayList<>();
        for (RowHistory.Row row : RowHistory.CHAIN_ROWS) rows.add(chainRow(s, table, row));
        rows.add(postExploitation(s));
        return new ExpectedScan(s.name(), s.title(), exitCode(rows), rows, findings);
    }

    /** The row's exposure on a build, or null when the build table cannot settle it. */
    static String exposure(String row, BuildTable.Build b, Set<Scenario.Mitigation> mitigations) {
        switch (row) {
            case Rows.PROXYLOGON, Rows.PROXYSHELL, Rows.PROXYNOTSHELL -> {
                if (b.patchedFor().contains(row)) return PATCHED;
                return row.equals(Rows.PROXYLOGON) && mitigations.contains(Scenario.Mitigation.EOMT) ? MITIGATED : VULNERABLE;
            }
            default -> {
                // Microsoft: CVE-2021-42321 affects Exchange 2016 and 2019 only
                if (row.equals(Rows.CVE_2021_42321) && b.family().equals("2013")) return NOT_AFFECTED;
                // Microsoft's CVE record: ProxyToken fixed from the April 2021 SUs (and the CUs after them); the table
                // credits only July 2021's, so builds released in between are not settled by it
                if (row.equals(Rows.CVE_2021_33766) && !b.otherFixed().contains(row)
                        && !b.released().isBefore(APRIL_2021_SU) && b.released().isBefore(JULY_2021_SU)) {
                    return null;
                }
                // the older CUs' March 2021 SUs carry no earlier SU: the CU itself or an SU installed before decides
                if (row.equals(Rows.CVE_2020_0688) && b.notes().contains("older-CU Mar21SU")) return null;
                return b.otherFixed().contains(row) ? PATCHED : VULNERABLE;
            }
        }
    }

    private static ExpectedScan.Row chainRow(Scenario s, BuildTable table, RowHistory.Row row) {
        String exposure = exposure(row.name(), table.get(s.build()), s.mitigations());
        List<Trace> mine = visibleTraces(s).stream().filter(t -> row.name().equals(t.expect().chain()) && t.expect().required())
                .toList();
        List<DroppedFile> files = s.files().stream().filter(f -> row.name().equals(f.expect().chain())).toList();
        if (mine.stream().anyMatch(t -> t.expect().stage() != Stage.ATTEMPT) || !files.isEmpty()) {
            return new ExpectedScan.Row(row.name(), exposure, List.of(COMPROMISED), "signs of success"
                    + (files.isEmpty() ? "" : " and " + files.size() + (files.size() == 1 ? " file" : " files") + " linked to it"));
        }
        if (!mine.isEmpty()) {
            return new ExpectedScan.Row(row.name(), exposure, List.of(ATTEMPTED), mine.size() + (mine.size() == 1 ? " exploit request" : " exploit requests") + ", none answered as the exploit wants");
        }
        if (NOT_AFFECTED.equals(exposure)) return new ExpectedScan.Row(row.name(), exposure, List.of(CLEAN), "the product is not affected");
        OracleWindow.Answer window = OracleWindow.of(s, table, row);
        return new ExpectedScan.Row(row.name(), exposure, window.compromise(), window.why());
    }

    private static ExpectedScan.Row postExploitation(Scenario s) {
        long definite = visibleTraces(s).stream().map(Trace::expect).filter(e -> unlinkedPostExploitation(e)).count()
                + s.files().stream().map(DroppedFile::expect).filter(e -> unlinkedPostExploitation(e)).count();
        long either = s.files().stream().map(DroppedFile::expect).filter(e -> e.chain() == null && e.required() && e.stage() == null)
                .count();
        if (definite > 0) {
            return new ExpectedScan.Row(Rows.POST_EXPLOITATION, "NOT_ASSESSED", List.of(COMPROMISED),
                    definite + " post-exploitation traces or files that no chain explains");
        }
        if (either > 0) {
            return new ExpectedScan.Row(Rows.POST_EXPLOITATION, "NOT_ASSESSED", List.of(CLEAN, COMPROMISED),
                    "only files whose stage is the scan's policy (a staged archive)");
        }
        return new ExpectedScan.Row(Rows.POST_EXPLOITATION, "NOT_ASSESSED", List.of(CLEAN), "nothing left behind that no chain explains");
    }

    private static boolean unlinkedPostExploitation(Expect e) {
        return e.chain() == null && e.required() && e.stage() == Stage.POST_EXPLOITATION;
    }

    private static Integer exitCode(List<ExpectedScan.Row> rows) {
        if (rows.stream().anyMatch(r -> r.compromise().equals(List.of(ATTEMPTED)) || r.compromise().equals(List.of(COMPROMISED)))) {
            return 1;
        }
        if (rows.stream().anyMatch(r -> r.compromise().contains(ATTEMPTED) || r.compromise().contains(COMPROMISED))) return null;
        if (rows.stream().anyMatch(r -> VULNERABLE.equals(r.exposure()))) return 4;
        if (rows.stream().anyMatch(r -> r.exposure() == null)) return null;
        if (rows.stream().allMatch(r -> r.compromise().equals(List.of(CLEAN)))) return 0;
        return rows.stream().anyMatch(r -> r.compromise().equals(List.of(CANNOT_TELL))) ? 3 : null;
    }

    /** The traces of the scenario's steps that are in its logs. */
    static List<Trace> visibleTraces(Scenario s) {
        List<Trace> out = new ArrayList<>();
        for (Step step : s.steps()) {
            for (Trace t : step.traces()) {
                if (s.logged(t.kind(), time(t))) out.add(t);
            }
        }
        return out;
    }

    private static List<ExpectedScan.Finding> findings(Scenario s) {
        List<ExpectedScan.Finding> out = new ArrayList<>();
        List<Trace> visible = visibleTraces(s);
        Map<Trace, List<DroppedFile>> firstRequests = new IdentityHashMap<>();
        for (DroppedFile f : s.files()) {
            Trace first = firstRequest(f, visible);
            if (first != null) firstRequests.computeIfAbsent(first, k -> new ArrayList<>()).add(f);
        }
        for (Trace t : visible) {
            Expect e = t.expect();
            out.add(new ExpectedScan.Finding(Layout.file(s, t), Layout.recordTime(t), e.chain(),
                    e.stage() == null ? null : e.stage().label(), e.required(), e.benign(), e.what()));
            for (DroppedFile f : firstRequests.getOrDefault(t, List.of())) {
                long n = visible.stream().filter(r -> requestTo(r, f.urlPath())).count();
                out.add(new ExpectedScan.Finding(Layout.file(s, t), Layout.recordTime(t), f.expect().chain(),
                        Stage.POST_EXPLOITATION.label(), true, false, "the first of " + n + (n == 1 ? " request" : " requests")
                        + " to " + f.windowsPath() + ", found on disk: its use starts here, reported in the file's row"));
            }
        }
        for (DroppedFile f : s.files()) {
            Expect e = f.expect();
            out.add(new ExpectedScan.Finding(f.drivePath(), null, e.chain(), e.stage() == null ? null : e.stage().label(),
                    e.required(), e.benign(), e.what()));
        }
        return out;
    }

    /**
     * The first request in the logs to a file left behind that a correct scan reports as post-exploitation and IIS
     * serves, or null. A correct scan reports the file's use there, with the file's chain: it restates the file, so
     * it decides no row by itself (the rows above are worked out from the traces' and files' own expectations).
     */
    private static Trace firstRequest(DroppedFile f, List<Trace> visible) {
        Expect e = f.expect();
        if (f.urlPath() == null || !e.required() || e.stage() != Stage.POST_EXPLOITATION) return null;
        return visible.stream().filter(t -> requestTo(t, f.urlPath())).min(Comparator.comparing(Oracle::time)).orElse(null);
    }

    /** Whether a trace is a request IIS logs to this URL path (case ignored, as IIS does). */
    private static boolean requestTo(Trace t, String urlPath) {
        return t.kind() == LogKind.IIS && t instanceof Trace.Line l && l.event() instanceof PlantedEvent.WebRequest w
                && w.stem().equalsIgnoreCase(urlPath);
    }

    private static Instant time(Trace t) {
        return t instanceof Trace.Line l ? l.event().at() : ((Trace.Event) t).event().time();
    }
}
