package org.exhunt.hunt.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.exhunt.core.facts.FileUse;
import org.exhunt.core.facts.RowTimeline;
import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void tellsPerChainWhenFromWhereAndWhichFilesWereWrittenThenRequested() {
        // the context finding (an archive) tells no story
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

        assertThat(Timeline.of(findings, requests, Map.of())).containsExactly(new RowTimeline("ProxyLogon", 3, 0,
                Instant.parse("2021-03-02T10:00:00Z"), Instant.parse("2021-03-02T10:06:00Z"), List.of("192.0.2.7", "192.0.2.8"), 2,
                List.of(new FileUse("C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx", List.of("web shell"),
                        Instant.parse("2021-03-02T10:06:00Z"), "/aspnet_client/x.aspx", 2, Instant.parse("2021-03-02T10:10:00Z"),
                        Instant.parse("2021-03-03T08:00:00Z"), List.of("192.0.2.7", "192.0.2.9"), 0, Map.of("200", 2L)))));
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

        assertThat(Timeline.of(findings, requests, Map.of())).singleElement().satisfies(t -> {
            assertThat(t.row()).isEqualTo("Post-exploitation");
            assertThat(t.findings()).isEqualTo(2);
            assertThat(t.last()).isEqualTo(Instant.parse("2021-03-02T10:10:00Z"));
            assertThat(t.files()).as("the requests to the shell are its use, not another file")
                    .extracting(FileUse::path, FileUse::requests)
                    .containsExactly(tuple("C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx", 1L));
        });
    }

    @Test
    void saysSoWhenAFileWasNeverRequested() {
        List<Finding> findings = List.of(Finding.builder("ioc", "shell").title("web shell").severity(Severity.HIGH)
                .stage(Stage.POST_EXPLOITATION)
                .source(SourceRef.file("y.aspx")).evidence("path", "C:\\inetpub\\wwwroot\\aspnet_client\\y.aspx")
                .evidence("url", "/aspnet_client/y.aspx").build());
        assertThat(Timeline.of(findings, new WebRequests(), Map.of())).containsExactly(new RowTimeline("Post-exploitation", 1, 0,
                null, null, List.of(), 0, List.of(new FileUse("C:\\inetpub\\wwwroot\\aspnet_client\\y.aspx",
                        List.of("web shell"), null, "/aspnet_client/y.aspx", 0, null, null, List.of(), 0, Map.of()))));
    }

    /**
     * An LSASS dump on disk carries the file's time (a copy's, often the day of collection) and links the Sysmon event
     * that wrote it: the row starts at that event, not at the file's time, whatever order the findings come in.
     */
    @Test
    void aLinkedEventIsEvidenceOfTheRowItsFindingIsIn() {
        Finding event = Finding.builder("sigma", "dump").title("LSASS dumped").severity(Severity.CRITICAL)
                .stage(Stage.POST_EXPLOITATION).time(Instant.parse("2022-05-18T08:03:30Z"))
                .source(SourceRef.line("Sysmon.evtx", 4)).build();
        Finding dump = Finding.builder("ioc", "lsass-dump").title("LSASS dump").severity(Severity.CRITICAL)
                .stage(Stage.POST_EXPLOITATION).time(Instant.parse("2026-12-08T04:00:00Z"))
                .source(SourceRef.file("lsass.dmp")).link(event).build();
        Finding later = Finding.builder("sigma", "recon").title("whoami").severity(Severity.HIGH)
                .stage(Stage.POST_EXPLOITATION).time(Instant.parse("2022-05-19T00:00:00Z"))
                .source(SourceRef.line("Sysmon.evtx", 9)).build();

        RowTimeline t = Timeline.of(List.of(dump, later), new WebRequests(), Map.of()).get(0);

        assertThat(t.first()).isEqualTo(Instant.parse("2022-05-18T08:03:30Z"));
        assertThat(t.last()).isEqualTo(Instant.parse("2026-12-08T04:00:00Z"));
    }

    private static Finding exploit(String time, String ip) {
        return Finding.builder("sigma", "ssrf").title("ssrf").severity(Severity.HIGH).chain("ProxyLogon")
                .stage(Stage.ATTEMPT).time(Instant.parse(time)).source(SourceRef.line("h.log", 1))
                .evidence("ClientIpAddress", ip).build();
    }

    /**
     * Issue 20, item 10: millions of addresses used the exploit, the cap per rule kept a thousand findings: the row's
     * timeline counts the findings not kept beside those kept (the addresses are the kept findings' only); a path's
     * requests from addresses past its cap are counted.
     */
    @Test
    void whatTheCapsDroppedIsCountedNotHidden() {
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) findings.add(exploit("2021-03-02T10:00:" + (10 + i) + "Z", "192.0.2." + i));
        WebRequests requests = new WebRequests();
        for (int i = 0; i < 25; i++) {
            requests.add("/aspnet_client/x.aspx", Instant.parse("2021-03-02T11:00:00Z"), "198.51.100." + i, "200",
                    SourceRef.line("u_ex210302.log", i + 1));
        }
        findings.add(Finding.builder("ioc", "shell").title("web shell").severity(Severity.CRITICAL).chain("ProxyLogon")
                .stage(Stage.POST_EXPLOITATION).time(Instant.parse("2021-03-02T10:30:00Z"))
                .source(SourceRef.file("x.aspx")).evidence("path", "C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx")
                .evidence("url", "/aspnet_client/x.aspx").build());

        RowTimeline t = Timeline.of(findings, requests, Map.of("ssrf", 2_999_988L, "another-rule", 7L)).get(0);

        assertThat(t.findings()).isEqualTo(13);
        assertThat(t.findingsNotKept()).as("only the rules among the row's findings count").isEqualTo(2_999_988L);
        assertThat(t.exploitClients()).hasSize(12).startsWith("192.0.2.0", "192.0.2.1", "192.0.2.10");
        assertThat(t.exploitClientCount()).isEqualTo(12);
        assertThat(t.files()).singleElement().satisfies(f -> {
            assertThat(f.requests()).isEqualTo(25);
            assertThat(f.clients()).hasSize(20);
            assertThat(f.requestsFromOtherClients()).isEqualTo(5);
        });
    }
}
