package org.exhunt.yara.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.exhunt.core.testing.TestEnvironment;
import org.exhunt.yara.CompiledRules;
import org.exhunt.yara.RuleMatch;
import org.exhunt.yara.ScanResult;
import org.exhunt.yara.Scanner;
import org.exhunt.yara.StringMatch;
import org.exhunt.yara.YaraCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiled-rules file: what is loaded scans exactly as what was compiled; damage is reported, never run. */
class RulesFileTest {

    @TempDir
    Path tmp;

    private static final String RULES = """
            import "math"
            rule text : t1 { meta: m = "v" strings: $a = "quick" nocase $b = /f[aeiou]x/ condition: all of them }
            rule hex { strings: $h = { 62 72 [1-2] 77 6E } $c = { 66 6F [300-400] 78 } condition: $h or $c }
            private rule hidden { condition: filesize > 10 }
            rule uses { condition: hidden and math.entropy(0, filesize) > 1.0 and ext == 7 }
            """;

    @Test
    void loadedRulesScanAsTheCompiledOnesIncludesNamespacesAndExternalsKept() throws Exception {
        Path inc = Files.writeString(tmp.resolve("inc.yar"), "rule included { strings: $d = \"dog\" condition: $d }");
        Path top = Files.writeString(tmp.resolve("top.yar"), "include \"inc.yar\"\n" + RULES);
        CompiledRules compiled = new YaraCompiler().defineExternal("ext", 7L).addFile(top, "ns1")
                .addSource("rule other { condition: true }", "other.yar").compile();
        byte[] file = save(compiled);
        Files.delete(inc);

        CompiledRules loaded = CompiledRules.load(new ByteArrayInputStream(file));

        byte[] data = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
        assertThat(describe(loaded.newScanner().scan(data))).isEqualTo(describe(compiled.newScanner().scan(data)))
                .contains("ns1:text [t1]", "ns1:hex", "ns1:uses", "ns1:included", "default:other", "$h@10");
        assertThat(describe(loaded.newScanner().define("ext", 8L).scan(data))).doesNotContain("ns1:uses");
        assertThat(save(loaded)).isEqualTo(file);
    }

    @Test
    void signatureBaseLoadedFromItsFileFindsWhatItFindsCompiled() throws Exception {
        Path dir = TestEnvironment.corpus("yara-rules/signature-base/yara");
        YaraCompiler compiler = new YaraCompiler();
        for (String e : List.of("filename", "filepath", "extension", "filetype", "owner")) compiler.defineExternal(e, "");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) compiler.addFile(f);
        }
        CompiledRules compiled = compiler.compile();
        CompiledRules loaded = CompiledRules.load(new ByteArrayInputStream(save(compiled)));
        Scanner a = compiled.newScanner();
        Scanner b = loaded.newScanner();
        int files = 0;
        int matches = 0;
        try (Stream<Path> walk = Files.walk(TestEnvironment.corpus("webshells"))) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String expected = describe(a.scan(f));
                assertThat(describe(b.scan(f))).as("%s", f).isEqualTo(expected);
                files++;
                matches += expected.isEmpty() ? 0 : expected.split("\n").length;
            }
        }
        assertThat(files).isGreaterThan(900);
        assertThat(matches).isGreaterThan(2000);
    }

    @Test
    void aTruncatedFileIsCorruptAtEveryLength() throws Exception {
        byte[] file = save(new YaraCompiler().defineExternal("ext", 1L).addSource(RULES, "r.yar").compile());
        for (int length = 0; length < file.length; length += Math.max(1, file.length / 300)) {
            byte[] cut = java.util.Arrays.copyOf(file, length);
            assertThatThrownBy(() -> CompiledRules.load(new ByteArrayInputStream(cut))).as("length %d", length)
                    .isInstanceOf(CorruptRulesException.class);
        }
    }

    @Test
    void aDamagedFileIsRejectedOrStillScansSafely() throws Exception {
        byte[] file = save(new YaraCompiler().defineExternal("ext", 1L).addSource(RULES, "r.yar").compile());
        byte[] data = "The quick brown fox jumps over the lazy dog, the quick brown fox".getBytes(StandardCharsets.US_ASCII);
        Random random = new Random(42);
        int rejected = 0;
        for (int round = 0; round < 2000; round++) {
            byte[] damaged = file.clone();
            for (int k = 0; k < 1 + random.nextInt(3); k++) damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
            CompiledRules rules;
            try {
                rules = CompiledRules.load(new ByteArrayInputStream(damaged));
            } catch (CorruptRulesException e) {
                rejected++;
                continue;
            }
            ScanResult r = rules.newScanner().scan(data);
            assertThat(r.error() == null || !r.error().isEmpty()).isTrue();
        }
        assertThat(rejected).isGreaterThan(100);
    }

    @Test
    void somethingElseIsNotACompiledRulesFile() {
        assertThatThrownBy(() -> CompiledRules.load(new ByteArrayInputStream(RULES.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CorruptRulesException.class).hasMessageContaining("not a compiled-rules file");
    }

    private static byte[] save(CompiledRules rules) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rules.save(out);
        return out.toByteArray();
    }

    /** Matching rules with tags and their strings' offsets, one line per rule. */
    private static String describe(ScanResult r) {
        List<String> lines = new ArrayList<>();
        for (RuleMatch m : r.matching()) {
            StringBuilder s = new StringBuilder(m.namespace() + ":" + m.name());
            if (!m.tags().isEmpty()) s.append(" ").append(m.tags());
            for (StringMatch sm : m.strings()) s.append(' ').append(sm.identifier()).append('@').append(sm.offset());
            lines.add(s.toString());
        }
        return String.join("\n", lines) + (r.failed() ? "\nerror " + r.error() : "");
    }
}
