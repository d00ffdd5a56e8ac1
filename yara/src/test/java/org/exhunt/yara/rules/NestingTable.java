package org.exhunt.yara.rules;

/**
 * Rules nested as deeply as yara 4.2.3 parses them, one level deeper, and chains of any length. libyara's
 * parser (bison) has room for 10,000 states: each kind of nesting below is at yara's deepest, then one
 * level past it, where yara says "memory exhausted" (a syntax error). Chains of one operator cost bison no
 * room, so yara takes them however long. Regexes and text strings are bounded by the lexer's 8,192-byte
 * buffer; hex strings by their own parser's stack; a regex or hex string may not have more than 128
 * alternatives. The cases run on the test's own thread: nothing here may need a larger stack from its caller.
 */
public final class NestingTable extends RuleTable {

    @Override
    protected void define() {
        conditionsAsDeepAsYaraParses();
        conditionsDeeperThanYaraParses();
        chainsOfAnyLength();
        patterns();
    }

    /** {@code open} n times, then {@code leaf}, then {@code close} n times. */
    private static String nest(String open, String leaf, String close, int n) {
        return open.repeat(n) + leaf + close.repeat(n);
    }

    private static String rule(String condition) {
        return "rule test { condition: " + condition + " }";
    }

    private static String ruleWithString(String condition) {
        return "rule test { strings: $a = \"o\" condition: " + condition + " }";
    }

    /** Each kind of nesting, at the depth yara 4.2.3 still parses; the deep evaluation must give yara's result. */
    private void conditionsAsDeepAsYaraParses() {
        group("conditions as deep as yara parses");
        assertTrueRule(rule(nest("(", "true", ")", 9984)));
        assertFalseRule(rule(nest("(", "false", ")", 9984)));
        assertTrueRule(rule("not ".repeat(9984) + "true"));
        assertFalseRule(rule("not ".repeat(9985) + "true"));
        assertTrueRule(rule("-".repeat(9985) + "1 == -1"));
        assertTrueRule(rule("~".repeat(9985) + "0 == -1"));
        assertTrueRule(rule(nest("true and (", "true", ")", 2496)));
        assertFalseRule(rule(nest("true and (", "false", ")", 2496)));
        assertTrueRule(rule(nest("false or (", "true", ")", 2496)));
        assertTrueRule(rule(nest("1 + (", "1", ")", 3328) + " == 3329"));
        assertTrueRule(rule(nest("1 * (", "1", ")", 3328) + " == 1"));
        assertTrueRule(rule(nest("uint8(", "0", ")", 4992) + " == 0"), new byte[2]);
        assertTrueRule(rule(nest("not (", "true", ")", 4992)));
        assertTrueRule(rule("1 == " + nest("(", "1", ")", 9982)));
        assertTrueRule(ruleWithString(nest("!a[", "1", "]", 4992) + " == 1"));
        assertTrueRule(ruleWithString("$a at " + nest("(", "12", ")", 9982)));
        assertTrueRule(ruleWithString("$a in (0.." + nest("(", "12", ")", 9979) + ")"));
        assertTrueRule(ruleWithString("#a in (0.." + nest("(", "100", ")", 9979) + ") == 4"));
        assertTrueRule(ruleWithString("any of them in (0.." + nest("(", "12", ")", 9977) + ")"));
        assertTrueRule(ruleWithString(nest("(", "1", ")", 9984) + " of them"));
        assertTrueRule(rule("for any i in (0..1) : (" + nest("(", "true", ")", 9975) + ")"));
        assertTrueRule(rule("for any i in (" + nest("(", "0", ")", 9978) + "..1) : (i == 1)"));
        assertTrueRule(rule("for any i in (0, " + nest("(", "1", ")", 9976) + ") : (i == 1)"));
        assertTrueRule(rule("for " + nest("(", "1", ")", 9983) + " i in (0..1) : (i == 1)"));
        assertTrueRule(ruleWithString("for any of ($a) : (" + nest("(", "$", ")", 9977) + ")"));
        assertTrueRule("import \"math\" " + rule("math.entropy(0, " + nest("(", "1", ")", 9980) + ") == 0.0"));
        assertTrueRule("import \"math\" " + rule(nest("math.abs(", "1", ")", 4992) + " == 1"));
        assertTrueRule("import \"pe\" " + rule(nest("pe.sections[", "0", "].virtual_address", 4992) + " == 0 or true"));
        assertTrueRule(rule("true and true and " + nest("(", "true", ")", 9981)));
        assertTrueRule(rule("1 | 2 ^ 3 & 4 << 5 + 6 * " + nest("(", "1", ")", 9972) + " > 0"));
    }

    /** One level deeper: yara's parser runs out of stack, a syntax error. */
    private void conditionsDeeperThanYaraParses() {
        group("conditions deeper than yara parses");
        assertError(rule(nest("(", "true", ")", 9985)), "SYNTAX_ERROR");
        assertError(rule("not ".repeat(9986) + "true"), "SYNTAX_ERROR");
        assertError(rule("-".repeat(9986) + "1 == -1"), "SYNTAX_ERROR");
        assertError(rule(nest("true and (", "true", ")", 2497)), "SYNTAX_ERROR");
        assertError(rule(nest("1 + (", "1", ")", 3329) + " == 3330"), "SYNTAX_ERROR");
        assertError(rule(nest("uint8(", "0", ")", 4993) + " == 84"), "SYNTAX_ERROR");
        assertError(ruleWithString(nest("@a[", "1", "]", 4993) + " == 12"), "SYNTAX_ERROR");
        assertError(ruleWithString("$a in (0.." + nest("(", "12", ")", 9980) + ")"), "SYNTAX_ERROR");
        assertError(rule("for any i in (0..1) : (" + nest("(", "true", ")", 9976) + ")"), "SYNTAX_ERROR");
        assertError(rule("for any i in (0, " + nest("(", "1", ")", 9977) + ") : (i == 1)"), "SYNTAX_ERROR");
        assertError(ruleWithString("for any of ($a) : (" + nest("(", "$", ")", 9978) + ")"), "SYNTAX_ERROR");
        assertError("import \"math\" " + rule("math.entropy(0, " + nest("(", "1", ")", 9981) + ") == 0.0"),
                "SYNTAX_ERROR");
        assertError(rule("1 | 2 ^ 3 & 4 << 5 + 6 * " + nest("(", "1", ")", 9973) + " > 0"), "SYNTAX_ERROR");
        assertError("import \"math\" " + rule(nest("math.abs(", "1", ")", 4993) + " == 1"), "SYNTAX_ERROR");
    }

    private void chainsOfAnyLength() {
        group("chains of any length");
        assertTrueRule(rule("false or ".repeat(3000) + "true"));
        assertFalseRule(rule("false or ".repeat(100_000) + "false"));
        assertTrueRule(rule("true and ".repeat(100_000) + "true"));
        assertFalseRule(rule("true and ".repeat(50_000) + "false and " + "true and ".repeat(50_000) + "true"));
        assertTrueRule(rule("filesize == 0 or ".repeat(3000) + "filesize == 43"));
        assertTrueRule(rule("1 + ".repeat(100_000) + "1 == 100001"));
        assertTrueRule(rule("2 * 3 - 6 + ".repeat(50_000) + "6 == 6"));
        assertTrueRule(rule("1 + ".repeat(3000) + "0.5 + 1.5 * ".repeat(3000) + "1 > 3000.0"));
        assertTrueRule(rule("(1 + ".repeat(3000) + "1" + ") * 1".repeat(3000) + " == 3001"));
        assertError("import \"math\" " + rule("math" + ".x".repeat(50_000)), "INVALID_FIELD_NAME");
    }

    private void patterns() {
        group("regexes and hex strings");
        String hello = "hello";
        assertTrueRule("rule test { strings: $a = /" + nest("(", "h", ")", 4094) + "/ condition: $a }", hello);
        assertError("rule test { strings: $a = /" + nest("(", "h", ")", 4095) + "/ condition: $a }", "SYNTAX_ERROR");
        assertTrueRule("rule test { condition: \"hello\" matches /" + nest("(", "h", ")", 4094) + "/ }", hello);
        assertTrueRule("rule test { strings: $a = \"" + "h".repeat(8190) + "\" condition: not $a }", hello);
        assertError("rule test { strings: $a = \"" + "h".repeat(8191) + "\" condition: not $a }", "SYNTAX_ERROR");
        assertTrueRule("rule test { strings: $a = { " + nest("( ", "68", " )", 4997) + " } condition: $a }", hello);
        assertError("rule test { strings: $a = { " + nest("( ", "68", " )", 4998) + " } condition: $a }",
                "INVALID_HEX_STRING");
        assertTrueRule("rule test { strings: $a = { 68 65 " + nest("( ", "6c", " )", 4996) + " 6c } condition: $a }",
                hello);
        assertError("rule test { strings: $a = { 68 65 " + nest("( ", "6c", " )", 4997) + " 6c } condition: $a }",
                "INVALID_HEX_STRING");
        assertTrueRule("rule test { strings: $a = { 68 " + nest("( 65 ", "6c", " )", 3331) + " } condition: $a }",
                "h" + "e".repeat(3331) + "l");
        assertError("rule test { strings: $a = { 68 " + nest("( 65 ", "6c", " )", 3332) + " } condition: $a }",
                "INVALID_HEX_STRING");
        assertTrueRule("rule test { strings: $a = { 68 " + nest("( ", "65 | 66", " )", 4996) + " } condition: $a }",
                hello);
        assertError("rule test { strings: $a = { 68 ( " + " 65 |".repeat(100_000) + " 66 ) } condition: $a }",
                "REGULAR_EXPRESSION_TOO_COMPLEX");
    }
}
