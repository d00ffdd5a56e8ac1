package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.exhunt.core.testing.TestEnvironment;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.testkit.logs.LogGenerator;
import org.exhunt.testkit.logs.PlantedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --sigma}: SigmaHQ's rules run beside the pack's and their Exchange rules count for their chain. */
class ScanSigmaTest {

    @TempDir
    Path tmp;

    @Test
    void sigmaHqsProxyShellRuleCountsForTheProxyShellRow() throws IOException {
        Path sigmaHq = TestEnvironment.corpus("sigma/sigmahq/rules-emerging-threats/2021/Exploits/ProxyShell-Exploit");
        Path image = Examples.copyWithTheirTimes("hafnium-webshell", tmp.resolve("image"));
        LogGenerator iis = LogGenerator.iis().start(Instant.parse("2021-08-20T00:00:00Z")).size(20_000)
                .plant(new PlantedEvent.ProxyShell(Instant.parse("2021-08-20T01:00:00Z"), "198.51.100.23",
                        "admin@contoso.com", "powershell/"));
        iis.writeTo(image.resolve(iis.serverPath()));

        CliRun run = CliRun.of("scan", "--verbose", "--sigma", sigmaHq.toString(), image.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(run.out())
                .containsPattern("(?m)^image +ProxyShell +VULNERABLE +COMPROMISED .*of success from 198\\.51\\.100\\.23")
                .containsPattern("(?s)\n-- ProxyShell: [^\n]*\n(.(?!\n-- ))*rule 992be1eb-e5da-437e-9a54-6d13b57bb4d8 \\(sigma\\)")
                .contains("Sigma: " + (packRules() + 2) + " rules loaded");
    }

    /** The rule pack's own Sigma rules: one per file. */
    private static long packRules() {
        return java.util.stream.StreamSupport.stream(RulePack.bundled().list("sigma/").spliterator(), false)
                .filter(f -> f.endsWith(".yml")).count();
    }

    @Test
    void missingRulesAreAUsageError() {
        CliRun run = CliRun.of("scan", "--sigma", tmp.resolve("nope").toString(), Examples.example("clean").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no such Sigma rules");
    }

    @Test
    void aBrokenRuleIsReportedAndTheRunIsIncomplete() throws IOException {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("broken.yml"), "title: Broken\nlogsource:\n  category: webserver\ndetection:\n  condition: nothing\n");
        CliRun run = CliRun.of("scan", "--sigma", rules.toString(), Examples.example("clean").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.out()).contains("broken.yml");
    }
}
