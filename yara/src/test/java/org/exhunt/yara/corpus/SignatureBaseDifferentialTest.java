package org.exhunt.yara.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.exhunt.core.testing.TestEnvironment;
import org.exhunt.yara.CompiledRules;
import org.exhunt.yara.RuleMatch;
import org.exhunt.yara.ScanResult;
import org.exhunt.yara.Scanner;
import org.exhunt.yara.StringMatch;
import org.exhunt.yara.YaraCompiler;
import org.exhunt.yara.YaraText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole of signature-base (741 files, 5,883 rules, the five external variables empty) against every
 * web shell and benign page of the corpus, compared with {@code yara} 4.2.3 run once over each tree: for
 * each file, the same rules must match, with the same string offsets and data ({@code -s}). No difference
 * is tolerated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignatureBaseDifferentialTest {

    static final String[] EXTERNALS = {"filename", "filepath", "extension", "filetype", "owner"};

    private Path yara;
    private Path corpus;
    private List<Path> ruleFiles;
    private CompiledRules rules;

    @BeforeAll
    void compileAllRules() throws Exception {
        yara = TestEnvironment.yara();
        corpus = TestEnvironment.corpus();
        ruleFiles = ruleFiles(TestEnvironment.corpus("yara-rules/signature-base/yara"));
        YaraCompiler compiler = new YaraCompiler();
        for (String name : EXTERNALS) compiler.defineExternal(name, "");
        for (Path f : ruleFiles) compiler.addFile(f);
        rules = compiler.compile();
    }

    static List<Path> ruleFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yar") || p.toString().endsWith(".yara")).sorted().toList();
        }
    }

    @Test
    void everyRuleCompilesTogetherWithTheExternalsDeclared() {
        assertThat(ruleFiles).hasSize(741);
        assertThat(rules.ruleCount()).isEqualTo(5883);
    }

    @Test
    void webShellsMatchAsWithYara() throws Exception {
        compareOn("webshells");
    }

    @Test
    void benignPagesMatchAsWithYara() throws Exception {
        compareOn("benign");
    }

    private void compareOn(String tree) throws Exception {
        Map<String, List<String>> expected = new TreeMap<>(YaraOutput.parse(runYara(tree)));
        Map<String, List<String>> actual = new TreeMap<>(YaraOutput.parse(runExhunt(tree)));
        assertThat(expected).as("yara found matches in %s", tree).isNotEmpty();
        List<String> onlyYara = new ArrayList<>();
        List<String> onlyExhunt = new ArrayList<>();
        List<String> differentStrings = new ArrayList<>();
        for (String key : expected.keySet()) {
            if (!actual.containsKey(key)) onlyYara.add(key.replace('\u0000', ' '));
            else if (!actual.get(key).equals(expected.get(key))) differentStrings.add(key.replace('\u0000', ' '));
        }
        for (String key : actual.keySet()) if (!expected.containsKey(key)) onlyExhunt.add(key.replace('\u0000', ' '));
        assertThat(onlyYara).as("(file, rule) found by yara only").isEmpty();
        assertThat(onlyExhunt).as("(file, rule) found by exhunt only").isEmpty();
        assertThat(differentStrings).as("(file, rule) whose -s lines differ").isEmpty();
    }

    private String runYara(String tree) throws Exception {
        List<String> command = new ArrayList<>(List.of(yara.toString(), "-w", "-s", "-r", "-p", "2"));
        for (String name : EXTERNALS) command.addAll(List.of("-d", name + "="));
        for (Path f : ruleFiles) command.add(f.toString());
        command.add(tree);
        Process p = new ProcessBuilder(command).directory(corpus.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        // File names are UTF-8; match data is printed in ASCII ("\\xNN" for other bytes).
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("yara exit code").isZero();
        return out;
    }

    /** exhunt over the same tree, on two threads, printed as {@code yara -s} prints. */
    private String runExhunt(String tree) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus.resolve(tree))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ThreadLocal<Scanner> scanners = ThreadLocal.withInitial(rules::newScanner);
        List<Future<String>> outputs = new ArrayList<>();
        for (Path file : files) {
            String shown = tree + "/" + corpus.resolve(tree).relativize(file);
            outputs.add(pool.submit(() -> {
                ScanResult r = scanners.get().scan(Files.readAllBytes(file));
                assertThat(r.error()).as("scan of %s", shown).isNull();
                StringBuilder s = new StringBuilder();
                for (RuleMatch m : r.matching()) {
                    s.append(m.name()).append(' ').append(shown).append('\n');
                    for (StringMatch sm : m.strings()) s.append(YaraText.stringLine(sm, true, false)).append('\n');
                }
                return s.toString();
            }));
        }
        StringBuilder all = new StringBuilder();
        for (Future<String> f : outputs) all.append(f.get());
        pool.shutdown();
        return all.toString();
    }
}
