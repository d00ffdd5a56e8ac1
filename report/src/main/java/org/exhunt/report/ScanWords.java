package org.exhunt.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.exhunt.core.IsoTime;
import org.exhunt.core.Limits;
import org.exhunt.core.facts.Examined;
import org.exhunt.core.facts.ExtendedProtection;
import org.exhunt.core.facts.IndicatorCounts;
import org.exhunt.core.facts.IndicatorSummary;
import org.exhunt.core.facts.LogCoverage;
import org.exhunt.core.facts.MitigationFound;
import org.exhunt.core.facts.Mitigations;
import org.exhunt.core.facts.NotKept;
import org.exhunt.core.facts.ProductArchive;
import org.exhunt.core.facts.ScanFacts;
import org.exhunt.core.facts.SigmaSummary;
import org.exhunt.core.facts.Suppression;
import org.exhunt.core.facts.Tally;

/** The facts of a scan in words, one line each: install, mitigations, what was read and left out, tallies. */
final class ScanWords {

    /** Extended Protection locations named in a "partly on" line; more are counted. */
    private static final int LOCATIONS_NAMED = 4;

    private ScanWords() {}

    static String install(ScanFacts s) {
        String path = s.install().path();
        return path == null ? "no Exchange install found (give it with --install-path if it is elsewhere)"
                : "Exchange install path: " + path + (s.install().given() ? " (given)" : " (found)");
    }

    /** Each rewrite rule found that carries a mitigation, counted or not with why; or that there is none. */
    static List<String> mitigations(Mitigations m) {
        List<String> lines = new ArrayList<>();
        for (MitigationFound f : m.found()) {
            String what = (f.status() == MitigationFound.Status.SUPERSEDED ? "superseded rule" : f.group() + " rule")
                    + " '" + f.rule() + "' (blocks " + f.blocks() + ") at " + f.where();
            lines.add(switch (f.status()) {
                case SUPERSEDED -> "Found " + what + ": " + f.why() + "; not counted as a mitigation";
                case NOT_COUNTED -> "Found " + what + ", not counted: " + f.why();
                case COUNTED -> "Mitigation: " + what + ", on " + (f.scope().equals("server") ? "the whole server" : f.scope());
            });
        }
        if (lines.isEmpty()) {
            lines.add("Mitigations: no EOMT or EOMTv2 rewrite rule in " + (m.applicationHostRead()
                    ? "applicationHost.config or the Default Web Site's web.config" : "the evidence (no applicationHost.config)"));
        }
        return lines;
    }

    static String extendedProtection(ExtendedProtection e) {
        String head = "Extended Protection (CVE-2024-21410 depends on it): ";
        int n = e.settings().size();
        return head + switch (e.state()) {
            case NOT_VISIBLE -> "not visible (no applicationHost.config in the evidence)";
            case ON -> "on (tokenChecking=Require on all " + n + " locations that set it)";
            case OFF -> n == 0 ? "off (applicationHost.config sets no tokenChecking for any location)"
                    : "off (tokenChecking=None on all " + n + " locations that set it)";
            case PARTLY_ON -> {
                List<ExtendedProtection.Setting> weak = e.settings().stream()
                        .filter(s -> !s.tokenChecking().equalsIgnoreCase("Require")).toList();
                String named = String.join(", ", weak.stream().limit(LOCATIONS_NAMED)
                        .map(s -> s.location() + "=" + s.tokenChecking()).toList())
                        + (weak.size() > LOCATIONS_NAMED ? " and " + (weak.size() - LOCATIONS_NAMED) + " more" : "");
                yield "partly on (Require on " + (n - weak.size()) + " of " + n + " locations; not on " + named + ")";
            }
        };
    }

    static String examined(Examined e) {
        return e.webFilesExamined() + " files examined in the web-shell locations, " + e.logFilesRead() + " log files read";
    }

    /** The indicator lists, and the user's digests that give no size. */
    static List<String> indicators(IndicatorSummary i) {
        List<String> lines = new ArrayList<>();
        lines.add("indicators: " + i.bundledLists() + " bundled lists (" + counts(i.bundled()) + ")" + (i.userFiles() == 0 ? ""
                : "; with " + i.userFiles() + " --ioc " + (i.userFiles() == 1 ? "file" : "files") + ": " + counts(i.all())));
        if (i.userDigestsWithoutSize() > 0) {
            lines.add(i.userDigestsWithoutSize() + " of your digest indicators give no file size: they were matched only"
                    + " against the files exhunt reads (the web folders, and elsewhere the files of a size another indicator"
                    + " gives)");
        }
        return lines;
    }

    private static String counts(IndicatorCounts c) {
        return c.files() + " file, " + c.addresses() + " address, " + c.urls() + " URL";
    }

    static String sigma(SigmaSummary s) {
        int c = s.correlations();
        return "Sigma: " + s.rules() + " rules loaded" + (c == 0 ? "" : " (" + c + (c == 1 ? " correlation)" : " correlations)"))
                + (s.forLogsNotRead() == 0 ? "" : ", " + s.forLogsNotRead() + " for logs exhunt does not read")
                + (s.inactive() == 0 ? "" : ", " + s.inactive() + " inactive (placeholders without values)");
    }

    static String fileRecords(SigmaSummary.FileRecords f) {
        return "Sigma rules on file records: " + f.described() + " files described, " + f.withContent()
                + " with sha256 and head (their content was read for the file detectors)";
    }

    /** {@code iis logs: 120 records in 2 files, T1 to T2, builds 15.1.2176.9}. */
    static String coverage(LogCoverage c) {
        StringBuilder s = new StringBuilder(c.type()).append(" logs: ").append(c.records()).append(" records in ")
                .append(c.files()).append(c.files() == 1 ? " file" : " files");
        if (c.oldest() != null) s.append(", ").append(c.oldest()).append(" to ").append(c.newest());
        if (!c.builds().isEmpty()) {
            s.append(", builds ").append(String.join(", ", c.builds().stream().map(LogCoverage.BuildSeen::build).toList()));
        }
        return s.toString();
    }

    /** One line per fact counted, {@code 412 PE files on which ...}, in the order of their words. */
    static List<String> tallies(Map<Tally, Long> tallies) {
        Map<String, Long> byWords = new TreeMap<>();
        tallies.forEach((t, n) -> byWords.put(words(t), n));
        List<String> lines = new ArrayList<>();
        byWords.forEach((words, n) -> lines.add(n + " " + words));
        return lines;
    }

    private static String words(Tally t) {
        return switch (t) {
            case YARA_PE_FIELDS_NOT_EVALUATED ->
                    "PE files on which rules reading PE fields were evaluated without them (pe module not implemented)";
            case SIGMA_CORRELATION_MATCHES_NOT_KEPT ->
                    "matches of correlated Sigma rules not correlated: a scan keeps " + Limits.CORRELATION_KEPT + " at most";
            case SIGMA_CORRELATION_MATCHES_UNTIMED -> "matches of correlated Sigma rules without a time, not correlated";
            case SIGMA_CORRELATION_GROUPS_CLOSED_EARLY ->
                    "Sigma correlation groups closed early to stay within memory (docs/sigma.md)";
        };
    }

    static String notKept(NotKept n) {
        return "rule " + n.rule() + ": " + n.findings() + " more findings not kept (the " + Limits.FINDINGS_PER_RULE
                + " earliest and the latest are)";
    }

    /** What was left out: log files in formats not read, excluded files, the time window, requests not indexed. */
    static List<String> leftOut(Examined e) {
        List<String> lines = new ArrayList<>();
        if (!e.logFormatsNotRead().isEmpty()) {
            lines.add("files in log folders in formats exhunt does not read: " + e.logFormatsNotRead().stream()
                    .map(f -> f.extension() + "=" + f.files()).collect(Collectors.joining(", ", "{", "}")));
        }
        if (e.filesExcluded() > 0) lines.add(e.filesExcluded() + " files left out by --exclude " + e.excludes());
        if (e.since() != null || e.until() != null) {
            lines.add("log evidence limited to " + (e.since() == null ? "the beginning" : e.since()) + " to "
                    + (e.until() == null ? "the end" : e.until()));
        }
        return lines;
    }

    /** The archives in a known product's own ProgramData folder that were not made findings, and why not. */
    static List<String> productArchives(Examined e) {
        List<String> lines = new ArrayList<>();
        for (ProductArchive a : e.productArchives()) {
            lines.add("Archive " + a.path() + " (modified " + (a.modified() == null ? "unknown" : IsoTime.format(a.modified()))
                    + ") lies in " + a.product() + "'s own folder and was written outside every chain's exposure window:"
                    + " not a finding");
        }
        if (e.productArchivesNotKept() > 0) {
            lines.add(e.productArchivesNotKept() + " more archives in products' own ProgramData folders (not findings)");
        }
        return lines;
    }

    static String suppressed(Suppression s) {
        return "allowlist '" + s.entry() + "' suppressed " + s.findings() + (s.findings() == 1 ? " finding" : " findings");
    }

    static String requestsNotIndexed(long n) {
        return n + " requests to script files not indexed (cap reached)";
    }

    static String notRunWithoutInstallPath(List<String> files) {
        return "Sigma rules needing the Exchange install path did not run (none found): " + files;
    }
}
