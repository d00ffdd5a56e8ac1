package org.exhunt.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.exhunt.core.testing.TestEnvironment;
import org.exhunt.sigma.compile.DetectionCompiler;
import org.exhunt.sigma.detection.FieldSlots;
import org.exhunt.sigma.mapping.RecordSpec;
import org.exhunt.sigma.rule.RuleException;
import org.exhunt.sigma.rule.SigmaRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules taken from compiled rules load exactly as from their files (SigmaHQ, the pack, and files with every kind
 * of document and problem); a changed file is read again, and a damaged, foreign or stale compiled file only
 * costs time.
 */
class CompiledRulesTest {

    private static final String BUILD = "exhunt test build";

    @TempDir
    Path dir;

    private Path rules;

    @BeforeEach
    void writeRules() throws IOException {
        rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("kinds.yml"), """
                title: shared values
                id: r-1
                logsource: {product: windows, category: process_creation}
                x-values: &v ['a', 'b']
                x-map: &m {CommandLine|contains: *v}
                detection:
                    sel: {Image|endswith: '\\\\whoami.exe', <<: *m}
                    kw: [evil, 'x*y?']
                    regex: {CommandLine|re|i: '^(a|b){1,3}c$'}
                    condition: (sel or kw or regex) and not 1 of filter_*
                    filter_admin: {User: admin}
                ---
                title: placeholders
                id: r-2
                logsource: {product: windows, category: process_creation}
                detection: {sel: {User|expand: '%Admins%'}, condition: sel}
                ---
                title: filter
                logsource: {product: windows, category: process_creation}
                filter: {rules: [r-1], f: {User: root}, condition: not f}
                ---
                title: correlation
                id: c-1
                correlation: {type: event_count, rules: [r-1], group-by: [User], timespan: 1h, condition: {gte: 2}}
                ---
                title: broken
                logsource: {product: windows}
                detection: {sel: {A|nope: x}, condition: sel}
                ---
                title: shared values
                id: r-1
                logsource: {product: linux}
                detection: {sel: {A: x}, condition: sel}
                """);
        Files.writeString(rules.resolve("bad-yaml.yml"), "title: [unclosed\n");
        Files.write(rules.resolve("not-utf8.yml"), new byte[] {'a', ':', ' ', (byte) 0xff, '\n'});
    }

    private static SigmaLoader loader(Placeholders placeholders) {
        return new SigmaLoader(Fixtures.projectMappings(), placeholders);
    }

    /** Everything a load reports, and each loaded rule's detection compiled against plain field names. */
    private static List<String> outcome(SigmaRules r) throws RuleException {
        List<String> out = new ArrayList<>();
        r.problems().forEach(d -> out.add("problem " + d));
        for (SigmaRule rule : r.loaded()) {
            out.add("loaded " + rule.where() + " " + rule + " " + rule.logsource() + " "
                    + DetectionCompiler.compile(rule, new FieldSlots(RecordSpec.identity()), Placeholders.none()).matcher());
        }
        r.unrouted().forEach(rule -> out.add("unrouted " + rule.where()));
        r.inactive().forEach(i -> out.add("inactive " + i.rule().where() + " " + i.reason()));
        r.filters().forEach(f -> out.add("filter " + f.filter().id() + " " + f.rules()));
        r.correlations().forEach(c -> out.add("correlation " + c.rule().id() + " " + c.refs()));
        return out;
    }

    private byte[] compile(Placeholders placeholders, Path... sources) throws IOException {
        SigmaLoader l = loader(placeholders);
        CompiledRules.Writer w = l.keepForCompiling();
        for (Path p : sources) l.loadPath(p);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(out, BUILD);
        return out.toByteArray();
    }

    private Path written(byte[] compiled) throws IOException {
        return Files.write(dir.resolve("compiled.bin"), compiled);
    }

    /** A load of {@code sources} through compiled rules, and how many files it took from them. */
    private record Through(List<String> outcome, int fromCompiled) {}

    private static Through load(CompiledRules compiled, Placeholders placeholders, Path... sources) throws IOException, RuleException {
        SigmaLoader l = loader(placeholders);
        if (compiled != null) l.useCompiled(compiled);
        for (Path p : sources) l.loadPath(p);
        return new Through(outcome(l.build()), l.filesFromCompiled());
    }

    @Test
    void sigmaHqAndThePackLoadFromCompiledRulesExactlyAsFromTheirFiles() throws Exception {
        Path sigmaHq = TestEnvironment.corpus("sigma/sigmahq");
        Path pack = Fixtures.rulesFolder().resolve("sigma");
        Placeholders none = Placeholders.none();
        CompiledRules compiled = CompiledRules.read(written(compile(none, sigmaHq, pack, rules)), BUILD, none);
        Through fromFiles = load(null, none, sigmaHq, pack, rules);
        Through fromCompiled = load(compiled, none, sigmaHq, pack, rules);
        assertThat(fromCompiled.outcome()).isEqualTo(fromFiles.outcome());
        assertThat(fromCompiled.fromCompiled()).isGreaterThan(3_780);
    }

    @Test
    void everyKindOfDocumentAndProblemComesBackAsItWas() throws Exception {
        Placeholders admins = Placeholders.of(Map.of("Admins", List.of("adm*")));
        for (Placeholders p : List.of(Placeholders.none(), admins)) {
            CompiledRules compiled = CompiledRules.read(written(compile(p, rules)), BUILD, p);
            Through through = load(compiled, p, rules);
            assertThat(through.outcome()).isEqualTo(load(null, p, rules).outcome());
            assertThat(through.fromCompiled()).isEqualTo(3);
        }
    }

    @Test
    void aChangedOrNewFileIsReadAndTheOthersTakenFromCompiledRules() throws Exception {
        CompiledRules compiled = CompiledRules.read(written(compile(Placeholders.none(), rules)), BUILD, Placeholders.none());
        Files.writeString(rules.resolve("bad-yaml.yml"), "title: fixed\nlogsource: {product: windows}\ndetection: {s: {A: x}, condition: s}\n");
        Files.writeString(rules.resolve("new.yml"), "title: new\nlogsource: {product: windows}\ndetection: {s: {B: y}, condition: s}\n");
        Through through = load(compiled, Placeholders.none(), rules);
        assertThat(through.outcome()).isEqualTo(load(null, Placeholders.none(), rules).outcome());
        assertThat(through.fromCompiled()).isEqualTo(2);
    }

    @Test
    void aDamagedForeignOrMismatchedFileIsNotUsed() throws Exception {
        byte[] good = compile(Placeholders.none(), rules);
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 1;
        assertUnusable(flipped, BUILD, Placeholders.none(), "damaged (its checksum does not match)");
        assertUnusable(java.util.Arrays.copyOf(good, good.length - 7), BUILD, Placeholders.none(), "damaged");
        assertUnusable("title: a rule file\n".getBytes(), BUILD, Placeholders.none(), "not a compiled-rules file");
        assertUnusable(good, "another build", Placeholders.none(), "written by another build");
        assertUnusable(good, BUILD, Placeholders.of(Map.of("Admins", List.of("x"))), "other placeholder values");
    }

    private void assertUnusable(byte[] bytes, String build, Placeholders p, String why) throws IOException {
        Path f = written(bytes);
        assertThatThrownBy(() -> CompiledRules.read(f, build, p))
                .isInstanceOf(CompiledRules.Unusable.class).hasMessageContaining(why);
    }

    @Test
    void itemsThatDoNotDecodeAreReadFromTheirFileWithoutAnError() throws Exception {
        // a file with a valid checksum whose items are nested past YAML's limit: read from the rule file instead
        byte[] good = compile(Placeholders.none(), rules);
        CompiledRules compiled = CompiledRules.read(written(good), BUILD, Placeholders.none());
        String name = rules.resolve("kinds.yml").toString();
        byte[] hash = CompiledRules.hash(Files.readAllBytes(rules.resolve("kinds.yml")));
        assertThat(compiled.items(name, hash)).isNotNull();

        ByteArrayOutputStream deep = new ByteArrayOutputStream();
        deep.write(1);   // one item
        deep.write(2);   // a rule
        for (int i = 0; i < 5_000; i++) deep.write(2);   // lists in lists...
        CompiledRules.Writer w = new CompiledRules.Writer(Placeholders.none());
        w.add(new RuleFile.Loaded(name, hash, List.of(), false));
        byte[] crafted = withItems(w, deep.toByteArray());
        CompiledRules hostile = CompiledRules.read(written(crafted), BUILD, Placeholders.none());
        assertThat(hostile.items(name, hash)).isNull();
        assertThat(load(hostile, Placeholders.none(), rules).outcome()).isEqualTo(load(null, Placeholders.none(), rules).outcome());
    }

    /** The writer's single file with its (empty) items replaced by {@code items}, checksum recomputed. */
    private static byte[] withItems(CompiledRules.Writer w, byte[] items) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(out, BUILD);
        byte[] empty = out.toByteArray();
        // the empty item list ends the body: its length (1), then its count (0)
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(empty, 0, empty.length - 16 - 2);
        writeNumber(body, items.length);
        body.write(items);
        byte[] bytes = body.toByteArray();
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        result.write(bytes);
        result.write(CompiledRules.hash(bytes));
        return result.toByteArray();
    }

    private static void writeNumber(ByteArrayOutputStream out, int n) {
        while ((n & ~0x7F) != 0) {
            out.write((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        out.write(n);
    }
}
