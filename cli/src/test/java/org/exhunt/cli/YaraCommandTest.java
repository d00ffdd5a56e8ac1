package org.exhunt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.exhunt.core.testing.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exhunt yara} against {@code yara} 4.2.3 with the same arguments on the same files: exit code,
 * output (as sorted blocks: a rule line with its string lines, since threads print in any order) and,
 * where yara prints them, the error lines.
 */
class YaraCommandTest {

    @TempDir
    Path tmp;

    private Path rules;
    private Path tree;
    private Path single;

    @BeforeEach
    void files() throws IOException {
        rules = write("rules.yar", """
                rule quick : text animal { meta: author = "a \\"b\\"" n = 5 ok = true
                  strings: $a = "quick" $b = "fox" nocase $c = { 6F [1-3] 72 } condition: any of them }
                rule wide_hello : text { strings: $w = "hello" wide condition: $w }
                private rule hidden { strings: $h = "hello" condition: $h }
                rule uses_hidden { condition: hidden and filesize < 1000 }
                rule binary { strings: $z = { 00 01 02 FF } condition: $z at 0 }
                rule nothing { condition: false }
                rule ext_rule { condition: size_limit > filesize and tag_name == "x" and enabled }
                """);
        tree = Files.createDirectories(tmp.resolve("tree"));
        write("tree/a.txt", "The quick brown fox jumps over the lazy dog\n");
        write("tree/sub/b.txt", "hello world, Fox");
        Files.write(tree.resolve("sub/w.bin"), "h\0e\0l\0l\0o\0 quick".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(tree.resolve("sub/deeper.bin"), new byte[] {0, 1, 2, (byte) 0xFF, 10, 13, 'o', 'x', 'r'});
        single = tree.resolve("a.txt");
    }

    @Test
    void defaultOutputOnOneFile() throws Exception {
        same(defines(rules.toString(), single.toString()));
    }

    @Test
    void stringsRecursivelyOverADirectory() throws Exception {
        same(defines("-s", "-r", rules.toString(), tree.toString()));
    }

    @Test
    void withoutRecursionOnlyTheTopLevelIsScanned() throws Exception {
        same(defines("-s", rules.toString(), tree.toString()));
    }

    @Test
    void negateCountAndFast() throws Exception {
        same(defines("-n", "-r", rules.toString(), tree.toString()));
        same(defines("-c", "-r", rules.toString(), tree.toString()));
        same(defines("-c", rules.toString(), single.toString()));
        same(defines("-f", "-s", "-r", rules.toString(), tree.toString()));
    }

    @Test
    void tagsIdentifiersMetadataNamespacesLengths() throws Exception {
        same(defines("-t", "animal", "-r", rules.toString(), tree.toString()));
        same(defines("-i", "wide_hello", "-t", "animal", "-r", rules.toString(), tree.toString()));
        same(defines("-g", "-m", "-e", "-L", "-s", "-r", rules.toString(), tree.toString()));
    }

    @Test
    void maxRulesCountsMatchesOverAllFilesAndStopsAfterTheRuleVisited() throws Exception {
        same(defines("-l", "1", rules.toString(), single.toString()));
        same(defines("-l", "1", "-n", rules.toString(), single.toString()));
        same(defines("-l", "2", "-c", rules.toString(), single.toString()));
        // Once the limit is reached each further file reports its first rule: the same whatever the file order.
        Path everywhere = write("everywhere.yar", "rule a { condition: true } rule b { condition: true }");
        same("-l", "1", "-r", everywhere.toString(), tree.toString());
        same("-l", "1", "-c", "-r", everywhere.toString(), tree.toString());
    }

    @Test
    void namespacesKeepSameNamedRulesAndGlobalRulesApart() throws Exception {
        Path one = write("one.yar", "global rule g { condition: filesize > 20 } rule r { condition: true }");
        Path two = write("two.yar", "rule r { condition: true } rule s { strings: $a = \"hello\" condition: $a }");
        same("-e", "-r", "ns1:" + one, "ns2:" + two, tree.toString());
    }

    @Test
    void includesAreReadRelativeToTheIncludingFile() throws Exception {
        write("inc/base.yar", "rule base { strings: $a = \"fox\" condition: $a }");
        Path top = write("inc/top.yar", "include \"base.yar\"\nrule top { condition: base }");
        same("-r", top.toString(), tree.toString());
    }

    @Test
    void externalsAreTypedAsYaraTypesThem() throws Exception {
        Path ext = write("ext.yar", """
                rule int_ext { condition: i + 1 == 43 }
                rule float_ext { condition: f > 1.25 and f < 1.75 }
                rule bool_ext { condition: b and not c }
                rule str_ext { condition: s == "12x" and s contains "2x" }
                """);
        same("-d", "i=42", "-d", "f=1.5", "-d", "b=true", "-d", "c=false", "-d", "s=12x", ext.toString(), single.toString());
        List<String> probes = List.of("x % 2 == 1 or x % 2 != 1", "x \\ 2 == 0.5 or x \\ 2 != 0.5",
                "x == \"\" or x != \"\"", "x == 1", "x == 7", "x == 1410065407");
        for (String value : List.of("1.", "-1.5", ".5", "4294967297", "9999999999", "007", "+5", "-", "", "1.2.3", "0x10")) {
            for (String probe : probes) {
                Path rule = write("kind.yar", "rule kind { condition: " + probe + " }");
                same("-d", "x=" + value, rule.toString(), single.toString());
            }
        }
    }

    @Test
    void compiledRulesScanAsTheSourcesDo() throws Exception {
        Path compiled = tmp.resolve("rules.exyarc");
        CliRun build = CliRun.of(prepend("yara", defines("--compile", compiled.toString(), rules.toString())));
        assertThat(build.code()).as(build.err()).isZero();
        assertThat(build.out()).isEmpty();

        CliRun fromFile = CliRun.of(prepend("yara", defines("-C", "-s", "-r", compiled.toString(), tree.toString())));
        CliRun yara = yara(defines("-s", "-r", rules.toString(), tree.toString()));
        assertThat(fromFile.code()).isZero();
        assertThat(blocks(fromFile.out())).isEqualTo(blocks(yara.out()));
        // Externals take new values at scan time; their names and types are those compiled in.
        assertThat(CliRun.of("yara", "-C", "-d", "size_limit=1", compiled.toString(), single.toString()).out())
                .doesNotContain("ext_rule");
        assertThat(CliRun.of("yara", "-C", "-d", "nope=1", compiled.toString(), single.toString()).code()).isEqualTo(1);
    }

    @Test
    void compiledRulesAreOneFileAndAFileOfSourcesIsNotOne() throws Exception {
        Path compiled = tmp.resolve("rules.exyarc");
        CliRun.of(prepend("yara", defines("--compile", compiled.toString(), rules.toString())));
        CliRun two = CliRun.of("yara", "-C", compiled.toString(), compiled.toString(), single.toString());
        assertThat(two.code()).isEqualTo(1);
        assertThat(two.err()).contains("error: can't accept multiple rules files if one of them is in compiled form.");
        CliRun sources = CliRun.of("yara", "-C", rules.toString(), single.toString());
        assertThat(sources.code()).isEqualTo(1);
        assertThat(sources.err()).contains("invalid compiled rules file");
        assertThat(CliRun.of("yara", "--compile", compiled.toString(), tmp.resolve("absent.yar").toString()).code()).isEqualTo(1);
    }

    @Test
    void compileErrorsExitOneWithYarasMessages() throws Exception {
        Path bad = write("bad.yar", """
                rule ok { condition: true }
                rule broken { strings: $a = "x" condition: $b }
                rule unknown { condition: nope }
                rule syntax { condition: true and }
                """);
        same(bad.toString(), single.toString());
    }

    @Test
    void compileWarningsAreYaras() throws Exception {
        Path warned = write("warned.yar", """
                rule slow_hex { strings: $a = { 00 ?? } condition: $a }
                rule slow_re { strings: $a = /a.*b/ condition: $a }
                rule short_text { strings: $a = "a" condition: $a }
                rule unbounded { strings: $a = /abc.*/ condition: $a }
                rule deprecated_entry { condition: entrypoint == 0 }
                rule quiet { strings: $a = "abcd" condition: $a }
                """);
        same(warned.toString(), single.toString());
        same("-w", warned.toString(), single.toString());
    }

    @Test
    void aMissingTargetOrRuleFileExitsOne() throws Exception {
        same(rules.toString(), tmp.resolve("absent").toString());
        same(tmp.resolve("absent.yar").toString(), single.toString());
    }

    @Test
    void aBadDefineIsAUsageError() throws Exception {
        same("-d", "novalue", rules.toString(), single.toString());
    }

    @Test
    void rulesReadingPeFieldsOnAPeFileAreReported() throws Exception {
        byte[] pe = new byte[512];
        pe[0] = 'M';
        pe[1] = 'Z';
        pe[0x3C] = (byte) 0x80;
        pe[0x80] = 'P';
        pe[0x81] = 'E';
        Path file = tmp.resolve("tiny.exe");
        Files.write(file, pe);
        Path peRules = write("pe.yar", """
                import "pe"
                rule is_pe { condition: pe.is_pe }
                rule reads_machine { condition: pe.machine == 0 }
                """);
        Path isPe = write("is_pe.yar", "import \"pe\" rule is_pe { condition: pe.is_pe and pe.MACHINE_I386 == 0x14c }");
        same(isPe.toString(), file.toString());

        CliRun run = CliRun.of("yara", peRules.toString(), file.toString());
        assertThat(run.err()).contains(file + ": pe module not implemented").contains("reads_machine")
                .doesNotContain("is_pe,");
    }

    @Test
    void aConditionNestedDeeperThanYarasParserAllowsIsItsErrorAndEndsTheFile() throws Exception {
        Path deep = write("deep.yar", "rule shallow { condition: true }\n"
                + "rule deep { condition: " + "(".repeat(9985) + "true" + ")".repeat(9985) + " }\n"
                + "rule after { condition: undefined_here }\n");
        same(deep.toString(), single.toString());
        Path deepest = write("deepest.yar", "rule deepest { condition: " + "(".repeat(9984) + "true" + ")".repeat(9984) + " }");
        same(deepest.toString(), single.toString());
    }

    @Test
    void chainsOfThousandsOfTermsRunAsInYara() throws Exception {
        StringBuilder or = new StringBuilder("rule or_chain { condition: ");
        StringBuilder and = new StringBuilder("rule and_chain { condition: ");
        StringBuilder sum = new StringBuilder("rule sum_chain { condition: ");
        for (int i = 0; i < 3000; i++) {
            or.append(i > 0 ? " or " : "").append("filesize == ").append(i);
            and.append(i > 0 ? " and " : "").append("filesize != ").append(i + 100);
            sum.append(i > 0 ? " + " : "").append("filesize");
        }
        Path chains = write("chains.yar", or + " }\n" + and + " }\n" + sum + " == 3000 * filesize }\n");
        same(chains.toString(), single.toString());
    }

    @Test
    void aLoopOverAHugeRangeStopsAtTheTimeoutAsInYara() throws Exception {
        Path loop = write("loop.yar", """
                rule loop { condition: for all i in (0..0x7fffffffffff) : (i >= 0) }
                rule quick { strings: $a = "quick" condition: $a }
                """);
        // one file: "error scanning ...: scanning timed out", exit 1; a directory: each file said so, exit 0
        same("-a", "1", loop.toString(), single.toString());
        same("-a", "1", "-r", loop.toString(), tree.toString());
    }

    @Test
    void rulesSharingAStringOnAFileOfItsMatchesPrintAsInYaraInASmallHeap() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) text.append("rule r").append(i).append(" { strings: $a = \"a\" condition: $a }\n");
        Path many = write("many.yar", text.toString());
        Path as = tmp.resolve("as.txt");
        Files.write(as, "a".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
        // 10 million matches, once 10 million objects (200 such rules on 200 kB ran out of memory at 1 GB);
        // yara itself takes 0.6 GB here
        ForkedRun ours = ForkedRun.of("64m", "yara", "-w", many.toString(), as.toString());
        CliRun yara = yara("-w", many.toString(), as.toString());
        assertThat(ours.code()).as(ours.err()).isEqualTo(yara.code()).isZero();
        assertThat(blocks(ours.out())).hasSize(100).isEqualTo(blocks(yara.out()));
    }

    @Test
    void aFileLargerThanTheHeapIsScannedAsYaraScansIt() throws Exception {
        Path big = tmp.resolve("big.bin");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(500_000_000L); // sparse: no disk used
            f.seek(499_999_000L);
            f.write("the quick fox at the end".getBytes(StandardCharsets.US_ASCII));
        }
        // read whole into the heap, it once needed memory for its size: exit 70 at -Xmx256m
        String[] args = defines("-s", rules.toString(), big.toString());
        ForkedRun ours = ForkedRun.of("256m", prepend("yara", args));
        CliRun yara = yara(args);
        assertThat(ours.code()).as(ours.err()).isEqualTo(yara.code()).isZero();
        assertThat(blocks(ours.out())).isNotEmpty().isEqualTo(blocks(yara.out()));
    }

    private String[] defines(String... args) {
        List<String> all = new ArrayList<>(List.of("-d", "size_limit=1000", "-d", "tag_name=x", "-d", "enabled=true"));
        all.addAll(List.of(args));
        return all.toArray(new String[0]);
    }

    /** Both tools, same arguments: same exit code, same output blocks, same error lines. */
    private void same(String... args) throws Exception {
        CliRun ours = CliRun.of(prepend("yara", args));
        CliRun yara = yara(args);
        assertThat(ours.code()).as("exit code; yara said %s", yara.err()).isEqualTo(yara.code());
        assertThat(blocks(ours.out())).as("output").isEqualTo(blocks(yara.out()));
        assertThat(errors(ours.err())).as("errors").isEqualTo(errors(yara.err()));
    }

    private CliRun yara(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(TestEnvironment.yara().toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new CliRun(p.exitValue(), out, err);
    }

    /** Rule lines each with their string lines, sorted. */
    static List<String> blocks(String output) {
        List<String> blocks = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isEmpty()) continue;
            if (line.startsWith("0x") && !blocks.isEmpty()) {
                blocks.set(blocks.size() - 1, blocks.get(blocks.size() - 1) + "\n" + line);
            } else {
                blocks.add(line);
            }
        }
        blocks.sort(null);
        return blocks;
    }

    /**
     * The {@code error} and {@code warning} lines, without what exhunt adds: the column ({@code file(3:7)} as yara's
     * {@code file(3)}) and what a syntax error found ({@code syntax error, unexpected '}'}).
     */
    private static List<String> errors(String err) {
        List<String> lines = new ArrayList<>();
        for (String line : err.split("\n")) {
            if (!line.startsWith("error") && !line.startsWith("warning")) continue;
            lines.add(line.replaceAll("\\(([0-9]+):[0-9]+\\)", "($1)").replaceAll("syntax error, .*", "syntax error"));
        }
        lines.sort(null);
        return lines;
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }
}
