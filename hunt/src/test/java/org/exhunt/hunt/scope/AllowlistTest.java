package org.exhunt.hunt.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.junit.jupiter.api.Test;

class AllowlistTest {

    private final List<Diagnostic> problems = new ArrayList<>();
    private final Allowlist allowlist = Allowlist.parse("allow.txt", String.join("\n",
            "# reviewed 2021-03-10",
            "rule: noisy.rule",
            "path: **\\aspnet_client\\reviewed.aspx",
            "sha256: ABCDEF",
            "oops",
            ""), problems::add);

    @Test
    void suppressesByRulePathAndHashAndCountsEachEntryPerScan() {
        Allowlist.Tally tally = allowlist.tally();
        assertThat(tally.suppresses(finding("noisy.rule", "C:\\x.aspx", "00"))).isTrue();
        assertThat(tally.suppresses(finding("NOISY.RULE", "C:\\y.aspx", "00"))).isTrue();
        assertThat(tally.suppresses(finding("r", "C:\\inetpub\\wwwroot\\aspnet_client\\reviewed.aspx", "00"))).isTrue();
        assertThat(tally.suppresses(finding("r", "C:\\z.aspx", "abcdef"))).isTrue();
        assertThat(tally.suppresses(finding("r", "C:\\inetpub\\wwwroot\\aspnet_client\\other.aspx", "11"))).isFalse();

        assertThat(tally.suppressed()).containsExactly(
                java.util.Map.entry("rule: noisy.rule", 2L),
                java.util.Map.entry("path: **\\aspnet_client\\reviewed.aspx", 1L),
                java.util.Map.entry("sha256: ABCDEF", 1L));
        assertThat(allowlist.tally().suppressed()).as("a new scan starts from zero").isEmpty();
    }

    @Test
    void aMalformedLineIsReportedWithItsPosition() {
        assertThat(problems).extracting(Diagnostic::toString).containsExactly(
                "allow.txt:5: expected 'path:GLOB', 'sha256:HASH' or 'rule:ID', found: oops [allowlist.syntax]");
    }

    private static Finding finding(String rule, String path, String sha) {
        return Finding.builder("ioc", rule).title(rule).severity(Severity.HIGH).stage(Stage.POST_EXPLOITATION).source(SourceRef.file(path))
                .evidence("path", path).evidence("sha256", sha).build();
    }
}
