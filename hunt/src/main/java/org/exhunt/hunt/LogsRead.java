package org.exhunt.hunt;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exhunt.core.Diagnostics;
import org.exhunt.core.facts.PatchEvent;
import org.exhunt.core.facts.Tally;
import org.exhunt.hunt.detect.SigmaDetector;
import org.exhunt.hunt.impact.ImpactIndexer;
import org.exhunt.hunt.verdict.CoverageSpans;
import org.exhunt.hunt.verdict.WebRequests;
import org.exhunt.logs.coverage.CoverageCollector;

/**
 * What reading some of a server's log files gave ({@link Hunt#readLogs}), kept as the scan keeps it while it reads,
 * for the scan of the server on another machine to add to its own ({@link Hunt#scan(String, java.util.List,
 * java.util.List)}): the findings kept per rule and those counted, the problems met, the tallies, the allowlist's
 * suppressions, the logs' coverage, the requests to script files, the matches kept for Sigma correlations, the log
 * formats not read, the spans of time the logs cover, the installs their records show and what the impact needs of
 * their records (mailboxes named, cmdlets, logons and account events, mail sent out). Everything after the reading
 * (correlations, verdicts, linking, timelines, the impact) is done once, by the scan that adds the parts.
 */
public final class LogsRead implements Serializable {

    final Set<String> files;
    final FindingsKept.Part findings;
    final Diagnostics problems;
    final Map<Tally, Long> tallies;
    final long[] suppressed;
    final CoverageCollector coverage;
    final WebRequests requests;
    final SigmaDetector.Kept correlation;
    final Map<String, Long> unreadFormats;
    final int logFilesRead;
    final CoverageSpans coverageSpans;
    final List<PatchEvent> patchEvents;
    final ImpactIndexer impact;

    LogsRead(Set<String> files, FindingsKept.Part findings, Diagnostics problems, Map<Tally, Long> tallies,
             long[] suppressed, CoverageCollector coverage, WebRequests requests, SigmaDetector.Kept correlation,
             Map<String, Long> unreadFormats, int logFilesRead, CoverageSpans coverageSpans, List<PatchEvent> patchEvents,
             ImpactIndexer impact) {
        this.files = Set.copyOf(files);
        this.findings = findings;
        this.problems = problems;
        this.tallies = tallies;
        this.suppressed = suppressed;
        this.coverage = coverage;
        this.requests = requests;
        this.correlation = correlation;
        this.unreadFormats = unreadFormats;
        this.logFilesRead = logFilesRead;
        this.coverageSpans = coverageSpans;
        this.patchEvents = List.copyOf(patchEvents);
        this.impact = impact;
    }

    /** The log files read ({@link LogFile#file}). */
    public Set<String> files() {
        return files;
    }
}
