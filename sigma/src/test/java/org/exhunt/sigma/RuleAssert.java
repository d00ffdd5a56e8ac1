package org.exhunt.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exhunt.core.Diagnostic;
import org.exhunt.core.MapRecord;
import org.exhunt.core.Record;
import org.exhunt.core.SourceRef;
import org.exhunt.sigma.mapping.Mappings;

/**
 * The vocabulary of the rule-language tests: a detection written as YAML, run on a record given as
 * {@code name=value} pairs, fires or not.
 */
final class RuleAssert {

    private RuleAssert() {}

    /** Test records are of type {@code test} and selected by {@code logsource: {product: test}}. */
    static final Mappings TEST_MAPPING = mapping("""
            sources:
              - logsource: {product: test}
                records:
                  - types: [test]
            """);

    static Mappings mapping(String yaml) {
        List<Diagnostic> problems = new ArrayList<>();
        Mappings m = Mappings.parse(Map.of("test-mapping.yml", yaml), problems::add);
        if (!problems.isEmpty()) throw new AssertionError(problems.toString());
        return m;
    }

    /** A rule with this detection (YAML lines indented by 4, condition included). */
    static String rule(String detection) {
        return "title: test rule\nid: test-1\nlogsource:\n    product: test\ndetection:\n" + detection.indent(4);
    }

    static Record record(String... nameValue) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String nv : nameValue) {
            int eq = nv.indexOf('=');
            fields.put(nv.substring(0, eq), nv.substring(eq + 1));
        }
        return new MapRecord("test", fields, String.join(" ", nameValue), null, SourceRef.line("test.log", 1));
    }

    /** Whether a rule with this detection fires on the record; fails when the rule does not load. */
    static boolean fires(String detection, Record r) {
        SigmaRules rules = loaded(detection);
        return !rules.scanner().scan(r).isEmpty();
    }

    static boolean fires(String detection, String... nameValue) {
        return fires(detection, record(nameValue));
    }

    static SigmaRules loaded(String detection) {
        SigmaRules rules = Fixtures.rules(TEST_MAPPING, rule(detection));
        if (!rules.problems().isEmpty() || rules.loaded().size() != 1) {
            throw new AssertionError("rule did not load: " + rules.problems() + "\n" + detection);
        }
        return rules;
    }

    /** The first problem loading a rule with this detection. */
    static Diagnostic problem(String detection) {
        SigmaRules rules = Fixtures.rules(TEST_MAPPING, rule(detection));
        if (rules.problems().isEmpty()) throw new AssertionError("rule loaded: " + detection);
        return rules.problems().get(0);
    }
}
