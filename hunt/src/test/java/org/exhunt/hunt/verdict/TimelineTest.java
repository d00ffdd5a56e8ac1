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

        assertThat(Timeline.of(findings, requests)).containsExactly(new RowTimeline("ProxyLogon", 3,
                Instant.parse("2021-03-02T10:00:00Z"), Instant.parse("2021-03-02T10:06:00Z"), List.of("192.0.2.7", "192.0.2.8"), 2,
                List.of(new FileUse("C:\\inetpub\\wwwroot\\aspnet_client\\x.aspx", List.of("web shell"),
                        Instant.parse("2021-03-02T10:06:00Z"), "/aspnet_client/x.aspx", 2, Instant.parse("2021-03-02T10:10:00Z"),
                        Instant.parse("2021-03-03T08:00:00Z"), List.of("192.0.2.7", "192.0.2.9"), Map.of("200", 2L)))));
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

        assertThat(Timeline.of(findings, requests)).singleElement().satisfies(t -> {
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
        assertThat(Timeline.of(findings, new WebRequests())).containsExactly(new RowTimeline("Post-exploitation", 1, null, null,
                List.of(), 0, List.of(new FileUse("C:\\inetpub\\wwwroot\\aspnet_client\\y.aspx", List.of("web shell"), null,
                        "/aspnet_client/y.aspx", 0, null, null, List.of(), Map.of()))));
    }

    private static Finding exploit(String time, String ip) {
        return Finding.builder("sigma", "ssrf").title("ssrf").severity(Severity.HIGH).chain("ProxyLogon")
                .stage(Stage.ATTEMPT).time(Instant.parse(time)).source(SourceRef.line("h.log", 1))
                .evidence("ClientIpAddress", ip).build();
    }
}
