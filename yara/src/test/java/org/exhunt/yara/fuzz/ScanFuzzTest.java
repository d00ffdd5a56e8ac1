package org.exhunt.yara.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.exhunt.core.testing.TestEnvironment;
import org.exhunt.yara.CompiledRules;
import org.exhunt.yara.ScanResult;
import org.exhunt.yara.Scanner;
import org.exhunt.yara.YaraCompiler;
import org.exhunt.yara.YaraException;
import org.exhunt.yara.rules.LanguageTable;
import org.exhunt.yara.rules.RuleCase;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of the scanner on hostile data: all of signature-base (when the shared
 * corpus is present; the language table's compiling rule sets otherwise) over fuzzed bytes, often built from
 * fragments web shells are made of so that atoms are hit and strings, regexes and conditions run. A scan
 * must end without an exception, within the per-input timeout, its only possible error being too many
 * matches or regex fibers.
 *
 * <p>{@code ./mvnw test -pl yara -am -Dtest=ScanFuzzTest} replays the inputs kept under
 * {@code src/test/resources/org/exhunt/yara/fuzz/ScanFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes
 * for {@code maxDuration}, and a finding is kept there as a new input.
 */
class ScanFuzzTest {

    private static final List<Scanner> SCANNERS = scanners();
    private static final String[] FRAGMENTS = {"<%", "%>", "<?php", "eval(", "Request[", "base64_decode(",
        "\"unsafe\"", "Response.Write", "cmd.exe /c ", "powershell -enc ", "\r\nIconFile=", "MZ", "PE\u0000\u0000",
        "\u0000", "\u00ff\u00fe", "$_POST['", "System.Reflection.Assembly.Load(", "<script runat=\"server\">"};

    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @FuzzTest(maxDuration = "60s")
    void hostileDataIsScannedWithoutExceptions(FuzzedDataProvider data) {
        Scanner scanner = SCANNERS.get(data.consumeInt(0, SCANNERS.size() - 1));
        byte[] bytes = data.consumeBoolean() ? fragments(data) : data.consumeRemainingAsBytes();
        ScanResult r = scanner.scan(bytes);
        assertThat(r.error() == null || r.error().contains("too many")).as("%s", r.error()).isTrue();
    }

    private static byte[] fragments(FuzzedDataProvider data) {
        StringBuilder s = new StringBuilder();
        int n = data.consumeInt(0, 64);
        for (int i = 0; i < n && data.remainingBytes() > 0; i++) {
            s.append(data.consumeBoolean() ? data.pickValue(FRAGMENTS) : data.consumeString(8));
        }
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** signature-base (normal and fast mode) when the corpus is there; the language table's rules always. */
    private static List<Scanner> scanners() {
        YaraCompiler table = new YaraCompiler();
        int n = 0;
        for (RuleCase c : new LanguageTable().cases()) {
            if (c.outcome() == RuleCase.Outcome.ERROR || !c.defines().isEmpty()) continue;
            // Each case in its own namespace: the tables reuse rule names.
            table.addSource(c.rules().getBytes(StandardCharsets.UTF_8), "table.yar", "case" + n++);
        }
        try {
            CompiledRules tableRules = table.compile();
            Path dir = signatureBase();
            if (dir == null) return List.of(tableRules.newScanner());
            YaraCompiler sb = new YaraCompiler();
            for (String e : List.of("filename", "filepath", "extension", "filetype", "owner")) sb.defineExternal(e, "");
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) sb.addFile(f);
            }
            CompiledRules all = sb.compile();
            return List.of(tableRules.newScanner(), all.newScanner(), all.newScanner().fastMode(true));
        } catch (YaraException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path signatureBase() {
        try {
            return TestEnvironment.corpus("yara-rules/signature-base/yara");
        } catch (org.opentest4j.TestAbortedException absent) {
            return null;
        }
    }
}
