package org.exhunt.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.exhunt.core.Finding;
import org.exhunt.core.ServerResult;
import org.exhunt.core.SourceRef;
import org.exhunt.core.Stage;
import org.exhunt.core.facts.SigmaSummary;
import org.exhunt.evidence.DirectorySource;
import org.exhunt.hunt.rules.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sigma rules on file records in a scan: every listed file is described, rules with log source
 * {@code product: windows, category: file} fire on the file with its place, time and (for the files the scan reads
 * anyway) content digest, and nothing is built when no rule reads file records.
 */
class FileRecordsInScanTest {

    private static final String SHELL = "inetpub/wwwroot/aspnet_client/system_web/big.aspx";
    private static final Instant WRITTEN = Instant.parse("2021-03-03T06:59:23Z");
    private static final String TOOL = "exhunt file-record test tool";
    // sha256sum of TOOL, computed outside Java
    private static final String TOOL_SHA256 = "54f8adcdfb82a884823e69ef621094e22eb431ebeb5032ffb60efb3af0ee03e8";
    private static final String IIS_LOG = "inetpub/logs/LogFiles/W3SVC1/u_ex210303.log";

    @TempDir
    Path root;

    @Test
    void aRuleOnFileRecordsFiresOnTheFileItDescribesAsAFindingAboutThatFile() throws IOException {
        drive().write(SHELL, "<%@ Page Language=\"C#\" %>" + " ".repeat(2000))
                .write("inetpub/wwwroot/aspnet_client/small.aspx", "<%@ Page %>")          // too small
                .write("ProgramData/big.aspx", "<%@ Page Language=\"C#\" %>" + " ".repeat(2000)) // elsewhere
                .write(IIS_LOG, "#Software: Microsoft Internet Information Services 10.0\n");
        Files.setLastModifiedTime(root.resolve(SHELL), FileTime.from(WRITTEN));

        ServerResult r = scan(rule("big-aspx", "high", """
                sel:
                    TargetFilename|startswith: 'C:\\inetpub\\wwwroot\\aspnet_client\\'
                    extension: aspx
                    size|gt: 1000
                condition: sel
                """));

        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("big-aspx")).singleElement().satisfies(f -> {
            assertThat(f.detector()).isEqualTo("sigma");
            assertThat(f.title()).isEqualTo("file rule big-aspx");
            assertThat(f.source()).isEqualTo(SourceRef.file(root.resolve(SHELL).toString()));
            assertThat(f.time()).isEqualTo(WRITTEN);
            assertThat(f.evidence("path")).isEqualTo("C:\\inetpub\\wwwroot\\aspnet_client\\system_web\\big.aspx");
            assertThat(f.evidence("url")).isEqualTo("/aspnet_client/system_web/big.aspx");
            assertThat(f.evidence("size")).isEqualTo("2025");
            assertThat(f.evidence("modified")).isEqualTo("2021-03-03T06:59:23Z");
            assertThat(f.evidence("sha256")).hasSize(64);
            assertThat(f.evidence("TargetFilename")).as("what the rule matched").isEqualTo(f.evidence("path"));
            assertThat(f.evidence()).extracting(e -> e.name()).doesNotHaveDuplicates().doesNotContain("raw");
            assertThat(f.stage()).as("a file is left behind, not an exploit request").isEqualTo(Stage.POST_EXPLOITATION);
        });
        assertThat(r.facts().scan().sigma().fileRecords()).isEqualTo(new SigmaSummary.FileRecords(4, 2));
    }

    @Test
    void contentFieldsAreThereOnlyForTheFilesTheScanReadsAnyway() throws IOException {
        drive().write("inetpub/wwwroot/aspnet_client/t.txt", TOOL)   // read: the web folders
                .write("PerfLogs/t", TOOL);                            // only listed: never read for file rules

        ServerResult r = scan(rule("known-tool", "medium", """
                sel:
                    sha256: '%s'
                condition: sel
                """.formatted(TOOL_SHA256)), rule("tool-by-name", "medium", """
                sel:
                    name: t
                    size: %d
                condition: sel
                """.formatted(TOOL.length())));

        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("known-tool")).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo(SourceRef.file(root.resolve("inetpub/wwwroot/aspnet_client/t.txt").toString()));
            assertThat(f.evidence("sha256")).isEqualTo(TOOL_SHA256);
            assertThat(f.stage()).isEqualTo(Stage.CONTEXT);
        });
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("tool-by-name")).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo(SourceRef.file(root.resolve("PerfLogs/t").toString()));
            assertThat(f.evidence("path")).isEqualTo("C:\\PerfLogs\\t");
            assertThat(f.evidence("sha256")).as("its content was not read").isNull();
            assertThat(f.evidence("url")).isNull();
        });
        assertThat(r.facts().scan().sigma().fileRecords()).isEqualTo(new SigmaSummary.FileRecords(2, 1));
    }

    @Test
    void withoutARuleOnFileRecordsNoneIsBuilt() throws IOException {
        drive().write("inetpub/wwwroot/aspnet_client/t.txt", TOOL).write("PerfLogs/t", TOOL);
        // Sysmon's file_event is an event of a process writing a file, not a listing: it does not read file records
        Path sysmonRule = Files.writeString(root.resolveSibling(root.getFileName() + "-file-event.yml"), """
                title: file event
                id: file-event
                logsource: {product: windows, category: file_event}
                detection: {sel: {TargetFilename|endswith: '\\t'}, condition: sel}
                level: high
                """);

        for (ServerResult r : List.of(scan(), scan(sysmonRule))) {
            assertThat(r.facts().scan().sigma().fileRecords()).isNull();
            assertThat(r.findings()).extracting(Finding::ruleId).doesNotContain("file-event");
        }
    }

    private TestDrive drive() {
        return new TestDrive(root);
    }

    /** A user rule on file records, in a file beside the evidence (never inside it). */
    private Path rule(String id, String level, String detection) throws IOException {
        return Files.writeString(root.resolveSibling(root.getFileName() + "-" + id + ".yml"), """
                title: file rule %s
                id: %s
                logsource: {product: windows, category: file}
                level: %s
                detection:
                %s""".formatted(id, id, level, detection.indent(4)));
    }

    private ServerResult scan(Path... sigmaRules) {
        return Hunt.with(RulePack.bundled(), new UserRules(List.of(), List.of(sigmaRules), List.of()), HuntOptions.defaults())
                .scan("test", List.of(new DirectorySource(root)));
    }
}
