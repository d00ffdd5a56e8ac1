package org.exhunt.hunt.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Finding;
import org.exhunt.core.Stage;
import org.exhunt.core.Severity;
import org.exhunt.core.SourceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The traces of one LSASS dump are one finding; different dumps, and unrelated findings, stay apart. */
class LsassDumpsTest {

    private static final Instant T = Instant.parse("2021-03-03T06:11:30.7310001Z");
    private static final String RUNDLL = "C:\\Windows\\System32\\rundll32.exe";
    private final List<Finding> findings = new ArrayList<>();

    @Test
    void theFileItsCreationItsWriteAuditItsCommandAndTheAccessAreOneDump() {
        Finding command = add(trace("comsvcs", T, "CommandLine", "rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump 652"
                + " C:\\Windows\\Temp\\lsass.dmp full", "Image", RUNDLL, "ProcessId", "7448"));
        Finding access = add(trace("access", T.plusMillis(2), "SourceImage", RUNDLL, "SourceProcessId", "7448",
                "TargetImage", "C:\\Windows\\system32\\lsass.exe", "GrantedAccess", "0x1fffff"));
        Finding created = add(trace("created", T.plusMillis(900), "TargetFilename", "\\\\?\\C:\\WINDOWS\\Temp\\LSASS.dmp",
                "Image", RUNDLL, "ProcessId", "7448", "path", "\\\\?\\C:\\WINDOWS\\Temp\\LSASS.dmp"));
        Finding audited = add(trace("audited", T.plusSeconds(1), "ObjectName", "\\\\localhost\\c$\\Windows\\Temp\\lsass.dmp",
                "ProcessName", RUNDLL, "ProcessId", "0x1d18"));
        Finding onDisk = add(trace("on-disk", null, "path", "C:\\Windows\\Temp\\lsass.dmp", "size", "8192"));
        Finding unrelated = add(Finding.builder("sigma", "whoami").title("whoami").severity(Severity.HIGH)
                .stage(Stage.POST_EXPLOITATION).evidence("CommandLine", "whoami /all").time(T).source(SourceRef.line("x", 1)).build());

        List<Finding> out = LsassDumps.merge(findings);

        assertThat(out).hasSize(2).contains(unrelated);
        Finding dump = out.stream().filter(f -> f != unrelated).findFirst().orElseThrow();
        assertThat(dump.ruleId()).as("the file on disk tells most").isEqualTo("on-disk");
        assertThat(dump.linked()).containsExactly(command, access, created, audited);
        assertThat(dump.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void withoutTheFileTheCreationEventIsTheFindingAndNamesTheDump() {
        add(trace("access", T, "SourceImage", RUNDLL, "SourceProcessId", "7448"));
        add(trace("created", T.plusSeconds(1), "TargetFilename", "C:\\inetpub\\wwwroot\\aspnet_client\\x.dmp", "Image", RUNDLL,
                "ProcessId", "7448"));

        assertThat(LsassDumps.merge(findings)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("created");
            assertThat(f.linked()).extracting(Finding::ruleId).containsExactly("access");
        });
    }

    @Test
    void anAccessThatWroteNothingIsOneFindingPerProcessNotPerEvent() {
        for (int i = 0; i < 5; i++) {
            add(trace("access", T.plusSeconds(i * 60L), "SourceImage", "C:\\Users\\Public\\m.exe", "SourceProcessId", "4242"));
        }
        add(trace("access", T.plusSeconds(30), "SourceImage", "C:\\Users\\Public\\m.exe", "SourceProcessId", "4343"));
        add(trace("access", T.plusSeconds(3 * 3600), "SourceImage", "C:\\Users\\Public\\m.exe", "SourceProcessId", "4242"));

        List<Finding> out = LsassDumps.merge(findings);

        assertThat(out).as("pid 4242 twice an hour apart and more, pid 4343").hasSize(3);
        assertThat(out.get(0).linked()).hasSize(4);
    }

    @Test
    void twoDumpsOfOneProcessAreTwoFindings() {
        add(trace("created", T, "TargetFilename", "C:\\root\\lsass.dmp", "Image", "C:\\root\\procdump64.exe", "ProcessId", "900"));
        add(trace("created", T.plusSeconds(5), "TargetFilename", "C:\\root\\lsass2.dmp", "Image", "C:\\root\\procdump64.exe",
                "ProcessId", "900"));
        add(trace("access", T.minusSeconds(1), "SourceImage", "C:\\root\\procdump64.exe", "SourceProcessId", "900"));

        List<Finding> out = LsassDumps.merge(findings);

        assertThat(out).hasSize(2);
        assertThat(out).filteredOn(f -> f.evidence("TargetFilename").endsWith("lsass.dmp")).singleElement()
                .satisfies(f -> assertThat(f.linked()).extracting(Finding::ruleId).containsExactly("access"));
    }

    @Test
    void findingsOfOtherTechniquesAreLeftAsTheyAre() {
        Finding a = add(Finding.builder("sigma", "a").title("a").severity(Severity.HIGH).stage(Stage.POST_EXPLOITATION).time(T)
                .evidence("TargetFilename", "C:\\root\\lsass.dmp").source(SourceRef.line("x", 1)).build());
        Finding b = add(Finding.builder("sigma", "b").title("b").severity(Severity.HIGH).stage(Stage.POST_EXPLOITATION).time(T)
                .evidence("TargetFilename", "C:\\root\\lsass.dmp").source(SourceRef.line("x", 2)).build());
        assertThat(LsassDumps.merge(findings)).containsExactly(a, b);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "rundll32.exe C:\\windows\\System32\\comsvcs.dll, MiniDump 708 C:\\inetpub\\wwwroot\\aspnet_client\\lsass.dmp full | C:\\inetpub\\wwwroot\\aspnet_client\\lsass.dmp",
        "procdump64.exe -accepteula -ma lsass.exe C:\\root\\lsass.dmp | C:\\root\\lsass.dmp",
        "rundll32 comsvcs.dll #24 652 \"C:\\Users\\Public\\a b.DMP\" full | C:\\Users\\Public\\a b.DMP",
        "cmd /c rundll32 comsvcs.dll MiniDump 1 c:\\x\\l.dmp.zip full&echo | c:\\x\\l.dmp.zip",
        "procdump -ma lsass.exe C:\\Windows\\Temp\\ | ",
        "copy a.dmpx b | ",
        "\".dmp\" | ",
    })
    void theDumpACommandLineWrites(String command, String dump) {
        assertThat(LsassDumps.dumpIn(command)).isEqualTo(dump);
    }

    @Test
    void aHostileCommandLineIsReadInLinearTime() {
        String hostile = "\"".repeat(20_000) + ".dmp".repeat(20_000) + " .dmp\"".repeat(20_000);
        long start = System.nanoTime();
        LsassDumps.dumpIn(hostile);
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    private Finding add(Finding f) {
        findings.add(f);
        return f;
    }

    private static Finding trace(String rule, Instant time, String... evidence) {
        Finding.Builder b = Finding.builder("on-disk".equals(rule) ? "file" : "sigma", rule).title(rule)
                .severity("on-disk".equals(rule) ? Severity.HIGH : Severity.CRITICAL)
                .tag("attack.t1003.001").stage(Stage.POST_EXPLOITATION).time(time).source(SourceRef.line(rule + ".log", 1));
        for (int i = 0; i < evidence.length; i += 2) b.evidence(evidence[i], evidence[i + 1]);
        return b.build();
    }
}
