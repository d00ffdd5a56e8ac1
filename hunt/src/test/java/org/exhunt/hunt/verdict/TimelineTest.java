package org.exhunt.hunt.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void tellsPerChainWhenFromWhereAndWhichFilesWereWrittenThenRequested() {
        WebRequests requests = new WebRequests();
        requests.add("/aspnet_client/x.aspx", Instant.parse("2021-03-02T10:10:00Z"), "192.0.2.7", "200", SourceRef.line("u_ex210302.log", 7));
        requests.add("/aspnet_client/x.aspx", Instant.parse("2021-03-03T08:00:00Z"), "192.0.2.9", "200", SourceRef.line("u_ex210303.log", 3));
        List<Finding> findings = List.of(
                exploit("2021-03-02T10:00:00Z", "192.0.2.7"),
                exploit("2021-03-02T10:05:00Z", "192.0.2.8"),
                Finding.builder("ioc", "shell").title("web shell").severity(Severity.CRITICAL).chain("ProxyLogon")
                        .stage(Stage.POST_EXPLOITATION).time(Instant.parse("2021-03-02T10:06:00Z"))
                        .source(SourceRef.file("x.aspx")).evidence("path", "C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx")
                        .evidence("url", "/aspnet_client/x.aspx").build(),
                Finding.builder("ioc", "zip").title("archive").severity(Severity.LOW).stage(Stage.CONTEXT).source(SourceRef.file("a.zip")).build());

        assertThat(Timeline.of(findings, requests)).containsExactly(
                "timeline ProxyLogon: 3 findings, first 2021-03-02T10:00:00Z, last 2021-03-02T10:06:00Z,"
                        + " exploit from 192.0.2.7, 192.0.2.8",
                "  file C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx (web shell, modified 2021-03-02T10:06:00Z),"
                        + " requested 2 times from 2021-03-02T10:10:00Z to 2021-03-03T08:00:00Z by 192.0.2.7, 192.0.2.9");
    }

    @Test
    void aRequestedFilesFindingCountsButIsNoFileOfItsOwn() {
        WebRequests requests = new WebRequests();
        requests.add("/aspnet_client/x.aspx", Instant.parse("2021-03-02T10:10:00Z"), "192.0.2.7", "200", SourceRef.line("u_ex210302.log", 7));
        Finding shell = Finding.builder("ioc", "shell").title("web shell").severity(Severity.CRITICAL)
                .stage(Stage.POST_EXPLOITATION).time(Instant.parse("2021-03-02T10:06:00Z"))
                .source(SourceRef.file("x.aspx")).evidence("path", "C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx")
                .evidence("url", "/aspnet_client/x.aspx").build();
        List<Finding> findings = new java.util.ArrayList<>(List.of(shell));
        findings.addAll(RequestedFiles.of(findings, requests));

        assertThat(Timeline.of(findings, requests)).containsExactly(
                "timeline Post-exploitation: 2 findings, first 2021-03-02T10:06:00Z, last 2021-03-02T10:10:00Z",
                "  file C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx (web shell, modified 2021-03-02T10:06:00Z),"
                        + " requested 1 time from 2021-03-02T10:10:00Z to 2021-03-02T10:10:00Z by 192.0.2.7");
    }

    @Test
    void saysSoWhenAFileWasNeverRequested() {
        List<Finding> findings = List.of(Finding.builder("ioc", "shell").title("web shell").severity(Severity.HIGH)
                .stage(Stage.POST_EXPLOITATION)
                .source(SourceRef.file("y.aspx")).evidence("path", "C:\\inetpub\\wwwroot\\aspnet_client\\y.aspx")
                .evidence("url", "/aspnet_client/y.aspx").build());
        assertThat(Timeline.of(findings, new WebRequests())).containsExactly(
                "timeline Post-exploitation: 1 finding",
                "  file C:\\inetpub\\wwwroot\\aspnet_client\\y.aspx (web shell), no request to /aspnet_client/y.aspx in the web logs");
    }

    private static Finding exploit(String time, String ip) {
        return Finding.builder("sigma", "ssrf").title("ssrf").severity(Severity.HIGH).chain("ProxyLogon")
                .stage(Stage.ATTEMPT).time(Instant.parse(time)).source(SourceRef.line("h.log", 1))
                .evidence("ClientIpAddress", ip).build();
    }
}
