package org.exhunt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Compromise;
import org.exhunt.core.Exposure;
import org.exhunt.core.Finding;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.ServerFacts;
import org.junit.jupiter.api.Test;

/**
 * Issue 26 with issue 21's sections above them: by default a row shows its most severe entries and counts the rest by
 * level, and rows without any evidence are named together on one line; --verbose shows every event and every row's
 * whole explanation.
 */
class ConsoleRowsTest {

    private static final String WINDOW = "possibly exposed from 2021-08-05 00:00 on; not covered: 2021-08-05 00:00 to now."
            + " IIS or HttpProxy logs of those days, or a backup of them, would settle it.";

    @Test
    void aRowShowsItsMostSevereEntriesAndCountsTheRestAndRowsWithoutEvidenceShareALine() {
        String out = Reports.write(new ConsoleReport(false, false), SampleResults.RUN, List.of(server()));

        assertThat(out).contains("-- ProxyLogon: VULNERABLE, COMPROMISED (8 findings, 8 events)")
                .contains("title of critical-0").contains("title of high-4")
                .doesNotContain("title of high-5")
                .contains("  … 3 more events (1 high, 2 medium): --verbose, or the HTML report")
                .contains("-- ProxyShell, CVE-2021-31196: no evidence;")
                .doesNotContain("why: " + WINDOW);
    }

    @Test
    void verboseShowsEveryEventAndEveryRowsWholeExplanation() {
        String out = Reports.write(new ConsoleReport(false, true), SampleResults.RUN, List.of(server()));

        assertThat(out).contains("title of high-5").contains("title of medium-7").doesNotContain("more events")
                .contains("-- ProxyShell: VULNERABLE, CANNOT_TELL").contains("-- CVE-2021-31196: VULNERABLE, CANNOT_TELL")
                .doesNotContain("no evidence;");
    }

    private static ServerResult server() {
        List<Finding> findings = new ArrayList<>();
        findings.add(finding("critical-0", Severity.CRITICAL, 0));
        for (int i = 1; i <= 5; i++) findings.add(finding("high-" + i, Severity.HIGH, i));
        findings.add(finding("medium-7", Severity.MEDIUM, 7));
        findings.add(finding("medium-8", Severity.MEDIUM, 8));
        return new ServerResult("ex01", List.of("/evidence/ex01"), List.of(
                new Verdict("ex01", "ProxyLogon", Exposure.VULNERABLE, Compromise.COMPROMISED, "SSRF and a shell written"),
                new Verdict("ex01", "ProxyShell", Exposure.VULNERABLE, Compromise.CANNOT_TELL, "not covered since 2021-08-05",
                        WINDOW, null),
                new Verdict("ex01", "CVE-2021-31196", Exposure.VULNERABLE, Compromise.CANNOT_TELL, "not covered since 2021-07-13",
                        WINDOW, null)),
                findings, List.of(), ServerFacts.NONE);
    }

    /** Each in a file of its own, so that no two are alike and each is an entry. */
    private static Finding finding(String rule, Severity level, int n) {
        return Finding.builder("sigma", rule).title("title of " + rule).severity(level).stage(Stage.ATTEMPT).chain("ProxyLogon")
                .time(Instant.parse("2021-03-03T05:52:10Z").plusSeconds(n)).source(SourceRef.line("log-" + n + ".log", 1)).build();
    }
}
