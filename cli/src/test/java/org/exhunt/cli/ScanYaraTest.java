package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhunt.core.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --yara}: the user's YARA rules run beside the pack's, and a broken rule file is reported. */
class ScanYaraTest {

    private static final String SHELL = "inetpub/wwwroot/aspnet_client/system_web/errorEE.aspx";

    @TempDir
    Path tmp;

    @Test
    void theUsersRulesRunAndABrokenFileIsReportedWithoutStoppingTheOthers() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("good.yar"), "rule Site_Eval_Request { strings: $a = \"eval(Request\" condition: $a }\n");
        Files.writeString(rules.resolve("broken.yar"), "rule Broken {\n  condition: $missing\n}\n");

        CliRun run = CliRun.of("scan", "--yara", rules.toString(), Examples.example("hafnium-webshell").toString());

        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(run.out()).contains("rule Site_Eval_Request (yara)")
                .contains("rule EXHUNT_Chopper_JScript_Eval (yara)")
                .containsPattern("broken\\.yar:2: column \\d+: .*missing.*\\[");
    }

    @Test
    void aRuleFileNestedDeeperThanYaraParsesIsNotLoadedAndTheScanGoesOnWithTheOthers() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("deep.yar"), "rule Deep { condition: " + "(".repeat(9985) + "true"
                + ")".repeat(9985) + " }\n");
        // 3,000 terms, as long as the chain that once overflowed the stack: yara takes it, so exhunt does
        Files.writeString(rules.resolve("chain.yar"), "rule Long_Chain { strings: $a = \"eval(Request\" condition: "
                + "filesize == 0 or ".repeat(2999) + "$a }\n");

        CliRun shell = CliRun.of("scan", "--yara", rules.toString(), Examples.example("hafnium-webshell").toString());
        assertThat(shell.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(shell.out()).contains("rule Long_Chain (yara)").containsPattern("deep\\.yar:1: column \\d+: memory exhausted");

        CliRun clean = CliRun.of("scan", "--yara", rules.toString(), Examples.example("clean").toString());
        assertThat(clean.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(clean.out()).contains("Findings: none").containsPattern("(?s)Not read.*deep\\.yar:1: column \\d+: memory exhausted");
    }

    @Test
    void missingRulesAreAUsageError() {
        CliRun run = CliRun.of("scan", "--yara", tmp.resolve("nope").toString(), Examples.example("clean").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no such YARA rules");
    }

    @Test
    void signatureBaseThroughTheScanFindsWhatYaraFindsOnTheShell() throws Exception {
        Path signatureBase = TestEnvironment.corpus("yara-rules/signature-base/yara");
        Path yara = TestEnvironment.yara();
        Path shell = Examples.example("hafnium-webshell").resolve(SHELL);

        CliRun run = CliRun.of("scan", "--yara", signatureBase.toString(), Examples.example("hafnium-webshell").toString());
        Set<String> ours = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^ +rule (\\S+) \\(yara\\)$").matcher(run.out());
        while (m.find()) ours.add(m.group(1));
        ours.remove("EXHUNT_Chopper_JScript_Eval");

        assertThat(ours).isEqualTo(yaraRules(yara, signatureBase, shell));
        assertThat(run.out()).doesNotContain("Not read");
    }

    private static Set<String> yaraRules(Path yara, Path rulesDir, Path file) throws Exception {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(yara.toString(), "-w"));
        for (String ext : new String[] {"filename", "filepath", "extension", "filetype", "owner"}) {
            args.add("-d");
            args.add(ext + "=");
        }
        try (var files = Files.list(rulesDir)) {
            files.filter(p -> p.toString().endsWith(".yar") || p.toString().endsWith(".yara")).sorted()
                    .forEach(p -> args.add(p.toString()));
        }
        args.add(file.toString());
        Process p = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Set<String> names = new TreeSet<>();
        out.lines().filter(l -> !l.isBlank()).forEach(l -> names.add(l.substring(0, l.indexOf(' '))));
        assertThat(names).as("yara found something to compare with").isNotEmpty();
        return names;
    }
}
