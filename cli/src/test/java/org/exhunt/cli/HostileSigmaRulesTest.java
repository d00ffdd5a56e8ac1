package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.exhunt.core.Limits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile Sigma rules (issue 20): nesting that exhausted the stack, a merge key that made the YAML library loop,
 * a regular expression that took gigabytes to compile, a chain of correlations. Each is listed as not loaded with
 * its file and line, the other rules load and run, and the exit code says the run is incomplete.
 */
// the self-merging rule made the YAML library loop forever: a hang must fail, not wait
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileSigmaRulesTest {

    @TempDir
    Path dir;

    private Path rules;

    private static final String GOOD = SigmaSamples.WHOAMI_RULE;

    /** The good rule with another id, its selection and its condition replaced. */
    private static String rule(int n, String selection, String condition) {
        return GOOD.replace("555555555555", "55555555555" + n)
                .replace("        Image|endswith: '\\whoami.exe'\n", selection)
                .replace("condition: selection", "condition: " + condition);
    }

    @BeforeEach
    void writeRules() throws IOException {
        rules = Files.createDirectories(dir.resolve("rules"));
        write("good.yml", GOOD);
        write("deep-parentheses.yml", rule(2, "        Image: x\n", "(".repeat(2_000) + "selection" + ")".repeat(2_000)));
        write("deep-not.yml", rule(3, "        Image: x\n", "not ".repeat(2_000) + "selection"));
        write("deep-flow.yml", rule(4, "        Image: " + "[".repeat(2_000) + "x" + "]".repeat(2_000) + "\n", "selection"));
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 2_000; i++) block.append("  ".repeat(i + 4)).append("k:\n");   // 4 MB: just under the file cap
        write("deep-block.yml", rule(5, block.toString(), "selection"));
        write("self-merge.yml", rule(6, "        <<: *sel\n", "selection").replace("    selection:\n", "    selection: &sel\n"));
        write("huge-regex.yml", rule(7, "        Image|re: '(?:(?:(?:(?:a{100}){100}){100}){100})'\n", "selection"));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(rules.resolve(name), text);
    }

    /** Each hostile file, with the line of its problem and the message. */
    private String[] problems() {
        return new String[] {
            rules.resolve("deep-parentheses.yml") + ":8: condition '",
            "': nested deeper than " + Limits.SIGMA_CONDITION_NESTING + " levels of parentheses and 'not' (at character "
                    + (Limits.SIGMA_CONDITION_NESTING + 1) + ") [sigma.condition]",
            rules.resolve("deep-not.yml") + ":8: condition '",
            rules.resolve("deep-flow.yml") + ":7: more than " + Limits.YAML_OPEN_BRACKETS + " brackets open [sigma.yaml]",
            rules.resolve("deep-block.yml") + ":" + (6 + Limits.YAML_DEPTH) + ": nested deeper than " + Limits.YAML_DEPTH + " [sigma.yaml]",
            rules.resolve("self-merge.yml") + ":7: not valid YAML: alias *sel names a node it is inside of [sigma.yaml]",
            rules.resolve("huge-regex.yml") + ":7: 'Image|re': regular expression '(?:(?:(?:(?:a{100}){100}){100}){100})' is too large:"
                    + " its repetitions expand to more than " + Limits.SIGMA_REGEX_PROGRAM + " instructions [sigma.modifier]",
        };
    }

    @Test
    void rulesCheckListsEachWithItsLineAndLoadsTheOthers() {
        CliRun run = CliRun.of("rules", "check", rules.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.out()).contains("loaded: 1 rules", "not loaded: 6").contains(problems());
    }

    @Test
    void sigmaListsEachAndTheGoodRuleStillFires() throws IOException {
        Path events = dir.resolve("events.json");
        Files.writeString(events, SigmaSamples.WHOAMI_EVENT);
        CliRun run = CliRun.of("sigma", "-r", rules.toString(), events.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(run.out()).contains("11111111-2222-3333-4444-555555555555  Whoami Execution");
        assertThat(run.err()).contains(problems()).contains("1 rules loaded", "6 problems");
    }

    @Test
    void aScanListsEachAndGoesOn() {
        CliRun run = CliRun.of("scan", "--sigma", rules.toString(), Examples.example("clean").toString());
        assertThat(run.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.out()).containsPattern("(?m)^clean +ProxyLogon ")
                .contains("deep-parentheses.yml:8", "deep-not.yml:8", "deep-flow.yml:7", "deep-block.yml:" + (6 + Limits.YAML_DEPTH),
                        "self-merge.yml:7", "huge-regex.yml:7");
    }

    @Test
    void aFilterWithADeepConditionIsListedAndTheRulesRunWithout() throws IOException {
        Path filters = Files.createDirectories(dir.resolve("filters"));
        Files.writeString(filters.resolve("deep.yml"), """
                title: deep filter
                logsource: {product: windows, category: process_creation}
                filter:
                    rules: [11111111-2222-3333-4444-555555555555]
                    sel:
                        User: admin
                    condition: %s
                """.formatted("(".repeat(2_000) + "sel" + ")".repeat(2_000)));
        Path events = dir.resolve("events.json");
        Files.writeString(events, SigmaSamples.WHOAMI_EVENT);
        CliRun run = CliRun.of("sigma", "-r", rules.resolve("good.yml").toString(), "--filters", filters.toString(), events.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.COMPROMISE);
        assertThat(run.err()).contains(filters.resolve("deep.yml") + ":7: condition '", "nested deeper than", "1 problems");
    }

    @Test
    void aChainOfCorrelationsIsCutAtTheLimit() throws IOException {
        StringBuilder chain = new StringBuilder(GOOD);
        for (int i = 1; i <= 1_000; i++) {
            chain.append("---\ntitle: link ").append(i).append("\nid: link-").append(i)
                    .append("\ncorrelation: {type: event_count, rules: [")
                    .append(i == 1 ? "11111111-2222-3333-4444-555555555555" : "link-" + (i - 1))
                    .append("], group-by: [Image], timespan: 1h, generate: true, condition: {gte: 1}}\n");
        }
        Path file = dir.resolve("chain.yml");
        Files.writeString(file, chain.toString());
        CliRun run = CliRun.of("rules", "check", file.toString());
        assertThat(run.code()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.out()).contains("correlations: " + Limits.SIGMA_CORRELATION_CHAIN,
                "not loaded: " + (1_000 - Limits.SIGMA_CORRELATION_CHAIN),
                "correlation link-" + (Limits.SIGMA_CORRELATION_CHAIN + 1) + " is built on a chain of more than "
                        + Limits.SIGMA_CORRELATION_CHAIN + " correlations [sigma.correlation]");
    }
}
