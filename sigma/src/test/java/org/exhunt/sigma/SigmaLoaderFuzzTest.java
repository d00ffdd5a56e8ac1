package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.MapRecord;
import org.exhunt.core.SourceRef;
import org.exhunt.core.testing.TestEnvironment;
import org.exhunt.sigma.mapping.Mappings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.TestAbortedException;

/**
 * Coverage-guided fuzzing (Jazzer) of the Sigma loader on mutated rule files: the fuzzer picks a base (real SigmaHQ
 * rules from the shared corpus, the rule pack's rules, and documents with filters, correlations, placeholders and
 * regular expressions) and patches it: bytes spliced in, YAML and condition syntax inserted, a slice repeated
 * many times over (deep nesting, long conditions, large repetitions). Loading must end without an exception,
 * within the test's time, each problem an error or warning of the file with a code; what loads must build and
 * scan records.
 *
 * <p>{@code ./mvnw test -pl sigma -am -Dtest=SigmaLoaderFuzzTest} replays the inputs kept under
 * {@code src/test/resources/org/exhunt/sigma/SigmaLoaderFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes for
 * the {@code maxDuration} below (CI runs that), and a finding is written there as a new input. Without the corpus
 * the test fails in CI ({@code CI=true}); elsewhere it goes on with the other bases.
 */
class SigmaLoaderFuzzTest {

    /** SigmaHQ rules that between them use most modifiers: regular expressions, base64, windash, keywords, cidr. */
    private static final List<String> SIGMAHQ = List.of(
            "rules/windows/process_creation/proc_creation_win_csc_susp_dynamic_compilation.yml",
            "rules/windows/process_creation/proc_creation_win_powershell_base64_frombase64string.yml",
            "rules/windows/process_creation/proc_creation_win_certoc_load_dll.yml",
            "rules/web/webserver_generic/web_java_payload_in_access_logs.yml",
            "rules/windows/network_connection/net_connection_win_cmstp_initiated_connection.yml",
            "rules-placeholder/windows/builtin/security/win_security_admin_logon.yml");

    private static final String OWN = """
            title: own
            id: own-1
            logsource: {product: windows, category: process_creation}
            detection:
                sel: {Image|endswith: '\\\\whoami.exe', CommandLine|re|i: '^(a|b){1,3}c$'}
                kw: [evil, 'x*y?']
                filter_x: {User|fieldref: Image, Port|gt: 10}
                condition: (sel or 1 of kw*) and not 1 of filter_*
            ---
            title: own filter
            logsource: {product: windows, category: process_creation}
            filter:
                rules: [own-1]
                f: {User: admin}
                condition: not f
            ---
            title: own correlation
            id: corr-1
            correlation: {type: event_count, rules: [own-1], group-by: [User], timespan: 1h, condition: {gte: 2}}
            ---
            title: own correlation of correlations
            correlation: {type: temporal, rules: [corr-1, own-1], group-by: [User], timespan: 5m}
            """;

    /** Syntax a patch inserts: YAML structure, anchors, condition words, modifiers, repetitions. */
    private static final String[] TOKENS = {"[", "{", "]", "}", "(", ")", " not ", " and ", " or ", "1 of ", "|re", "|all",
        "|contains", "|base64offset", "|windash", "|expand", "{100}", "(?:", "&a ", "*a", "<<: *a", "\n---\n", "\n  - ",
        ": ", "'", "\"", "\\", "%x%", "\t", "#", "? ", "!!str ", "\u0000"};

    private static List<String> bases;
    private static Mappings mappings;

    /** Before any input: a missing corpus must fail the run in CI, not become a fuzzing finding. */
    @BeforeAll
    static void findBases() throws IOException {
        mappings = Fixtures.projectMappings();
        bases = new ArrayList<>(List.of(OWN));
        try (var files = Files.walk(Fixtures.rulesFolder().resolve("sigma"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml")).sorted().limit(5).toList()) bases.add(Files.readString(f));
        }
        try {
            Path corpus = TestEnvironment.corpus("sigma/sigmahq");   // fails in CI when absent
            for (String f : SIGMAHQ) bases.add(Files.readString(corpus.resolve(f)));
        } catch (TestAbortedException absent) {
            System.out.println("SigmaLoaderFuzzTest: no SigmaHQ rules (" + absent.getMessage() + "), fuzzing the other bases only");
        }
    }

    @Timeout(value = 10, unit = TimeUnit.SECONDS)   // per input while fuzzing: a slower one is a hang
    @FuzzTest(maxDuration = "60s")
    void mutatedRuleFilesLoadOrAreReportedWithoutExceptions(FuzzedDataProvider data) {
        String text = mutate(new StringBuilder(bases.get(data.consumeInt(0, bases.size() - 1))), data);
        SigmaLoader loader = new SigmaLoader(mappings, Placeholders.of(Map.of("x", List.of("a*", "b"))));
        loader.load("fuzz.yml", text);
        SigmaRules rules = loader.build();
        for (Diagnostic d : rules.problems()) {
            assertThat(d.code()).as("%s", d).startsWith("sigma.");
            assertThat(d.where().file()).isEqualTo("fuzz.yml");
        }
        SigmaScanner scanner = rules.scanner();
        for (Map<String, String> fields : List.of(
                Map.of("Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", "1", "Image", "C:\\x\\whoami.exe",
                        "CommandLine", "abc whoami -enc SQBFAFgA", "User", "admin"),
                Map.of("Channel", "Security", "EventID", "4688", "NewProcessName", "C:\\w\\csc.exe", "Port", "99"))) {
            scanner.scan(new MapRecord("evtx", fields, fields.toString(), null, SourceRef.line("r", 1)), m -> m.toFinding());
        }
    }

    private static String mutate(StringBuilder text, FuzzedDataProvider data) {
        int patches = data.consumeInt(1, 6);
        for (int i = 0; i < patches && data.remainingBytes() > 0; i++) {
            int at = data.consumeInt(0, text.length());
            switch (data.consumeInt(0, 3)) {
                case 0 -> text.insert(at, TOKENS[data.consumeInt(0, TOKENS.length - 1)]);
                case 1 -> text.insert(at, data.consumeString(16));
                case 2 -> text.delete(at, Math.min(text.length(), at + data.consumeInt(0, 16)));
                default -> {   // a slice repeated: nesting, long conditions, many documents
                    int end = Math.min(text.length(), at + data.consumeInt(1, 12));
                    String slice = text.substring(at, end);
                    text.insert(at, slice.repeat(data.consumeInt(1, 3_000)));
                }
            }
        }
        return text.toString();
    }
}
