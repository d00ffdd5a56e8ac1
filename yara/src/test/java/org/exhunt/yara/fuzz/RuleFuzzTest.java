package org.exhunt.yara.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.exhunt.yara.CompileDiagnostic;
import org.exhunt.yara.CompiledRules;
import org.exhunt.yara.ScanResult;
import org.exhunt.yara.YaraCompiler;
import org.exhunt.yara.YaraException;
import org.exhunt.yara.rules.LanguageTable;
import org.exhunt.yara.rules.ModulesTable;
import org.exhunt.yara.rules.NestingTable;
import org.exhunt.yara.rules.RuleCase;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of the rule compiler on mutated rules: the fuzzer picks one of the rule
 * tables' rule sets (those nested as deeply as yara allows among them) and splices bytes into it (or writes
 * rule text from scratch). Compiling must either give
 * rules or fail with errors that each have a code and a position; rules that compile must scan sample data
 * without an exception.
 *
 * <p>{@code ./mvnw test -pl yara -am -Dtest=RuleFuzzTest} replays the inputs kept under
 * {@code src/test/resources/org/exhunt/yara/fuzz/RuleFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it fuzzes
 * for {@code maxDuration}, and a finding is kept there as a new input.
 */
class RuleFuzzTest {

    private static final List<String> SEEDS = seeds();
    private static final byte[][] DATA = {
        "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII),
        "<%@ Page Language=\"C#\" %><% eval(Request[\"x\"],\"unsafe\"); %>\u0000\u0001\u00ff".getBytes(StandardCharsets.ISO_8859_1),
        new byte[0],
    };

    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @FuzzTest(maxDuration = "60s")
    void rulesCompileOrFailWithPositionedErrors(FuzzedDataProvider data) {
        byte[] rules = rules(data);
        CompiledRules compiled;
        try {
            compiled = new YaraCompiler().disableIncludes().defineExternal("ext", 1L)
                    .addSource(rules, "fuzz.yar", "default").compile();
        } catch (YaraException e) {
            assertThat(e.diagnostics()).anyMatch(CompileDiagnostic::error);
            for (CompileDiagnostic d : e.diagnostics()) {
                assertThat(d.code()).isNotNull();
                assertThat(d.line()).as("%s", d).isPositive();
                assertThat(d.column()).as("%s", d).isPositive();
            }
            return;
        }
        for (byte[] sample : DATA) {
            ScanResult r = compiled.newScanner().scan(sample);
            assertThat(r.error() == null || r.error().contains("too many")).as("%s", r.error()).isTrue();
        }
    }

    /** A table's rule set with bytes spliced in, or rule text from scratch. */
    private static byte[] rules(FuzzedDataProvider data) {
        if (data.consumeBoolean()) return data.consumeRemainingAsBytes();
        byte[] seed = SEEDS.get(data.consumeInt(0, SEEDS.size() - 1)).getBytes(StandardCharsets.UTF_8);
        int at = data.consumeInt(0, seed.length);
        int cut = data.consumeInt(0, seed.length - at);
        byte[] insert = data.consumeRemainingAsBytes();
        byte[] out = new byte[seed.length - cut + insert.length];
        System.arraycopy(seed, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(seed, at + cut, out, at + insert.length, seed.length - at - cut);
        return out;
    }

    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>();
        for (RuleCase c : new LanguageTable().cases()) seeds.add(c.rules());
        for (RuleCase c : new ModulesTable().cases()) seeds.add(c.rules());
        // nesting at and past yara's parser limits; not the chains of 100,000 terms, whose size would slow
        // every run that picks them tenfold for no more coverage
        for (RuleCase c : new NestingTable().cases()) if (c.rules().length() <= 32 * 1024) seeds.add(c.rules());
        return seeds;
    }
}
