package org.exhunt.yara.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.exhunt.yara.CompileDiagnostic;
import org.exhunt.yara.CompiledRules;
import org.exhunt.yara.ExternalValues;
import org.exhunt.yara.RuleMatch;
import org.exhunt.yara.ScanResult;
import org.exhunt.yara.StringMatch;
import org.exhunt.yara.YaraCompiler;
import org.exhunt.yara.YaraException;
import org.exhunt.yara.YaraText;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every rule table case, run through exhunt's engine. */
class RuleTableTest {

    static List<RuleTable> tables() {
        return List.of(new LanguageTable(), new ModulesTable(), new NestingTable());
    }

    @TestFactory
    Stream<DynamicContainer> everyCase() {
        return tables().stream().flatMap(t -> RuleTables.byGroup(t.cases(), RuleTableTest::check));
    }

    /** What exhunt does with a case, in the terms of the table. */
    static Outcome run(RuleCase c) {
        CompiledRules rules;
        try {
            YaraCompiler compiler = new YaraCompiler();
            for (String d : c.defines()) compiler.defineExternal(d.substring(0, d.indexOf('=')),
                    ExternalValues.fromCommandLine(d.substring(d.indexOf('=') + 1)));
            rules = compiler.addSource(c.rules().getBytes(StandardCharsets.UTF_8), "test.yar", "default").compile();
        } catch (YaraException e) {
            List<String> codes = new ArrayList<>();
            for (CompileDiagnostic d : e.diagnostics()) if (d.error()) codes.add(d.code().name());
            return new Outcome(false, true, codes, List.of(), e.getMessage());
        }
        ScanResult r = rules.newScanner().scan(c.data());
        for (RuleMatch m : r.matching()) {
            if (m.name().equals("test")) {
                List<String> lines = new ArrayList<>();
                for (StringMatch s : m.strings()) lines.add(YaraText.stringLine(s, true, false));
                return new Outcome(true, false, List.of(), lines, r.error());
            }
        }
        return new Outcome(false, false, List.of(), List.of(), r.error());
    }

    /** A run's result: whether rule {@code test} matched, compile errors, {@code -s} lines. */
    record Outcome(boolean matched, boolean failed, List<String> errorCodes, List<String> lines, String detail) {}

    private static void check(RuleCase c) {
        Outcome o = run(c);
        switch (c.outcome()) {
            case MATCH -> assertThat(o.matched()).as("matches (%s)", o.detail()).isTrue();
            case NO_MATCH -> {
                assertThat(o.failed()).as("compiles (%s)", o.detail()).isFalse();
                assertThat(o.matched()).as("does not match").isFalse();
            }
            case ERROR -> assertThat(o.errorCodes()).as("compile errors").contains(c.errorCode());
            case STRINGS -> {
                assertThat(o.matched()).as("matches (%s)", o.detail()).isTrue();
                assertThat(o.lines()).containsExactlyElementsOf(c.strings());
            }
        }
    }
}
