package org.exhunt.sigma;

import org.exhunt.core.Record;
import org.exhunt.sigma.compile.DetectionCompiler;
import org.exhunt.sigma.detection.FieldSlots;
import org.exhunt.sigma.mapping.RecordSpec;
import org.exhunt.sigma.rule.RuleParser;
import org.exhunt.sigma.rule.SigmaRule;
import org.exhunt.sigma.yaml.YamlTree;

/** {@link RuleAssert} for the tests of other packages. */
public final class RuleAssertAccess {

    private RuleAssertAccess() {}

    public static Record record(String... nameValue) {
        return RuleAssert.record(nameValue);
    }

    public static boolean fires(String detection, Record r) {
        return RuleAssert.fires(detection, r);
    }

    /** The prefilter need of a detection given as one YAML flow map, as printed. */
    public static String need(String detectionFlowMap) {
        String text = "title: t\nlogsource: {product: test}\ndetection: " + detectionFlowMap + "\n";
        try {
            SigmaRule rule = RuleParser.parse("t.yml", YamlTree.parseAll("t.yml", text).get(0));
            return DetectionCompiler.compile(rule, new FieldSlots(RecordSpec.identity()), name -> null)
                    .matcher().need().toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
