package org.exhunt.hunt.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.testing.TestEnvironment;
import org.exhunt.hunt.rules.RulePack;
import org.exhunt.yara.CompiledRules;
import org.exhunt.yara.RuleMatch;
import org.junit.jupiter.api.Test;

/**
 * The rule pack's YARA rules on their test cases ({@code rulepack/yara/}): every positive case matches the
 * rule its name starts with, no benign look-alike matches any rule, and yara 4.2.3 says the same.
 */
class RulePackYaraTest {

    private static final RulePack PACK = RulePack.bundled();

    @Test
    void thePackCompilesWithoutAnyProblem() {
        List<Diagnostic> problems = new ArrayList<>();
        assertThat(YaraRules.compile(PACK, List.of(), problems::add)).isNotNull();
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRuleHasPositiveCasesAndEachMatchesItsRule() throws Exception {
        CompiledRules rules = YaraRules.compile(PACK, List.of(), d -> { });
        Set<String> covered = new TreeSet<>();
        for (Path file : cases("positive")) {
            String rule = file.getFileName().toString().substring(0, file.getFileName().toString().indexOf('.'));
            assertThat(matches(rules, file)).as(file.getFileName().toString()).contains(rule);
            covered.add(rule);
        }
        assertThat(covered).containsExactlyInAnyOrderElementsOf(
                rules.ruleNames().stream().map(n -> n.substring(n.indexOf(':') + 1)).toList());
    }

    @Test
    void noBenignLookAlikeMatches() throws Exception {
        CompiledRules rules = YaraRules.compile(PACK, List.of(), d -> { });
        for (Path file : cases("negative")) {
            assertThat(matches(rules, file)).as(file.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void yaraItselfAgreesOnEveryCase() throws Exception {
        Path yara = TestEnvironment.yara();
        CompiledRules rules = YaraRules.compile(PACK, List.of(), d -> { });
        Path ruleFile = Files.createTempFile("pack", ".yar");
        Files.write(ruleFile, PACK.bytes("yara/exchange_webshells.yar"));
        List<Path> all = new ArrayList<>(cases("positive"));
        all.addAll(cases("negative"));
        Map<String, Set<String>> ours = new TreeMap<>();
        for (Path f : all) ours.put(f.toString(), matches(rules, f));
        assertThat(yaraMatches(yara, ruleFile, all)).isEqualTo(ours);
    }

    private static Set<String> matches(CompiledRules rules, Path file) throws IOException {
        Set<String> names = new TreeSet<>();
        for (RuleMatch m : rules.newScanner().scan(Files.readAllBytes(file)).matching()) names.add(m.name());
        return names;
    }

    private static Map<String, Set<String>> yaraMatches(Path yara, Path rules, List<Path> files) throws Exception {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Path f : files) {
            Process p = new ProcessBuilder(yara.toString(), "-w", rules.toString(), f.toString()).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            Set<String> names = new TreeSet<>();
            text.lines().filter(l -> !l.isBlank()).forEach(l -> names.add(l.substring(0, l.indexOf(' '))));
            out.put(f.toString(), names);
        }
        return out;
    }

    private static List<Path> cases(String kind) throws IOException, URISyntaxException {
        Path dir = Path.of(RulePackYaraTest.class.getResource("/rulepack/yara/" + kind).toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
