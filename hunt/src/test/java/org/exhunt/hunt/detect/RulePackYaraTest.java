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
 * The rule pack's own YARA rules on their test cases ({@code rulepack/yara/}): every rule has positive cases and
 * benign look-alikes, each named for the rule it tests; every positive case matches its rule, no benign look-alike
 * matches any of exhunt's own rules, and yara 4.2.3 says the same. (The look-alikes are near misses of exhunt's rules:
 * the pinned signature-base rules, looser by design, take some of them for shells; their false positives are measured
 * on the benign corpus, docs/benchmarks.md.)
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
        for (Path file : cases("positive")) {
            assertThat(ownMatches(rules, file)).as(file.getFileName().toString()).contains(ruleOf(file));
        }
        assertThat(namedRules(cases("positive"))).containsExactlyInAnyOrderElementsOf(ownRuleNames(rules));
    }

    @Test
    void everyRuleHasABenignLookAlikeAndNoneMatchesAnyRule() throws Exception {
        CompiledRules rules = YaraRules.compile(PACK, List.of(), d -> { });
        for (Path file : cases("negative")) {
            assertThat(ownMatches(rules, file)).as(file.getFileName().toString()).isEmpty();
        }
        assertThat(namedRules(cases("negative"))).containsExactlyInAnyOrderElementsOf(ownRuleNames(rules));
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
        for (Path f : all) ours.put(f.toString(), ownMatches(rules, f));
        assertThat(yaraMatches(yara, ruleFile, all)).isEqualTo(ours);
    }

    /** The rule a case is named for: {@code <RULE>.<case>.<ext>}. */
    private static String ruleOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.indexOf('.'));
    }

    /** The rules some case names (a misspelt name shows up as a rule the pack does not have). */
    private static Set<String> namedRules(List<Path> files) {
        Set<String> named = new TreeSet<>();
        for (Path f : files) named.add(ruleOf(f));
        return named;
    }

    /** exhunt's own rules (namespace {@code exhunt}), not the pinned copies of signature-base's. */
    private static List<String> ownRuleNames(CompiledRules rules) {
        String own = YaraRules.PACK_NAMESPACE + ":";
        return rules.ruleNames().stream().filter(n -> n.startsWith(own)).map(n -> n.substring(own.length())).toList();
    }

    private static Set<String> ownMatches(CompiledRules rules, Path file) throws IOException {
        Set<String> names = new TreeSet<>();
        for (RuleMatch m : rules.newScanner().scan(Files.readAllBytes(file)).matching()) {
            if (m.namespace().equals(YaraRules.PACK_NAMESPACE)) names.add(m.name());
        }
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
