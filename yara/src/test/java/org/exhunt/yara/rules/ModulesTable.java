package org.exhunt.yara.rules;

/** Modules ({@code math}, {@code hash}, the {@code pe} declarations) and external variables. */
public final class ModulesTable extends RuleTable {

    private static final String HELLO = "hello\n";

    @Override
    protected void define() {
        math();
        hash();
        pe();
        externals();
    }

    private void math() {
        group("math");
        String m = "import \"math\" ";
        assertTrueRule(m + "rule test { condition: math.entropy(\"aabb\") == 1.0 }", HELLO);
        assertTrueRule(m + "rule test { condition: math.entropy(0, filesize) > 2.0 }", HELLO);
        assertTrueRule(m + "rule test { condition: math.entropy(5, 0) == 0.0 }", HELLO);
        assertFalseRule(m + "rule test { condition: math.entropy(6, 0) == 0.0 }", HELLO);
        assertFalseRule(m + "rule test { condition: math.entropy(-1, 2) >= 0.0 }", HELLO);
        assertTrueRule(m + "rule test { condition: math.mean(\"ab\") == 97.5 }", HELLO);
        assertTrueRule(m + "rule test { condition: math.mean(\"\\x80\") == -128.0 }", HELLO);
        assertTrueRule(m + "rule test { condition: math.mean(0, 2) == 102.5 }", HELLO);
        assertFalseRule(m + "rule test { condition: math.mean(5, 0) == 0.0 or math.mean(5, 0) != 0.0 }", HELLO);
        assertTrueRule(m + "rule test { condition: math.deviation(\"ab\", 97.5) == 0.5 }", HELLO);
        assertTrueRule(m + "rule test { condition: math.deviation(0, filesize, math.MEAN_BYTES) > 20.0 }", HELLO);
        assertTrueRule(m + "rule test { condition: math.serial_correlation(\"ab\") == 195.0 }", HELLO);
        assertTrueRule(m + "rule test { condition: math.serial_correlation(\"\") == -100000.0 }", HELLO);
        assertTrueRule(m + "rule test { condition: math.serial_correlation(0, filesize) < 0.5 }", HELLO);
        assertTrueRule(m + "rule test { condition: math.monte_carlo_pi(\"abcdefabcdef\") > 0.0 }", HELLO);
        assertFalseRule(m + "rule test { condition: math.monte_carlo_pi(0, 5) > 0.0 or math.monte_carlo_pi(0, 5) <= 0.0 }", HELLO);
        assertTrueRule(m + "rule test { condition: math.in_range(1.5, 1.0, 2.0) and not math.in_range(3.0, 1.0, 2.0) }", HELLO);
        assertTrueRule(m + "rule test { condition: math.count(0x6c) == 2 and math.percentage(0x6c) > 0.33 and math.mode() == 0x6c }", HELLO);
        assertTrueRule(m + "rule test { condition: math.count(0x6c, 0, 3) == 1 and math.mode(0, 2) == 0x65 }", HELLO);
        assertTrueRule(m + "rule test { condition: math.count(256 + 0x6c) == 2 and math.percentage(-256 + 0x6c, 0, 4) == 0.5 }", HELLO);
        assertTrueRule(m + "rule test { condition: math.abs(-5) == 5 and math.to_number(1 == 1) == 1 }", HELLO);
        assertTrueRule(m + "rule test { condition: math.min(-1, 5) == 5 and math.max(-1, 5) == -1 }", HELLO);
        assertTrueRule(m + "rule test { condition: math.MEAN_BYTES == 127.5 }", HELLO);
        assertError(m + "rule test { condition: math.to_string(1) == \"1\" }", "INVALID_FIELD_NAME");
        assertError(m + "rule test { condition: math.count(\"a\") == 1 }", "WRONG_ARGUMENTS");
        assertError("rule test { condition: math.entropy(0, 1) > 1.0 }", "UNDEFINED_IDENTIFIER");
    }

    private void hash() {
        group("hash");
        String h = "import \"hash\" ";
        assertTrueRule(h + "rule test { condition: hash.md5(0, filesize) == \"b1946ac92492d2347c6235b4d2611184\" }", HELLO);
        assertTrueRule(h + "rule test { condition: hash.md5(\"hello\\n\") == \"b1946ac92492d2347c6235b4d2611184\" }", HELLO);
        assertTrueRule(h + "rule test { condition: hash.sha1(0, filesize) == \"f572d396fae9206628714fb2ce00f72e94f2258f\" }", HELLO);
        assertTrueRule(h + "rule test { condition: hash.sha256(\"\") == "
                + "\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\" }", HELLO);
        assertTrueRule(h + "rule test { condition: hash.sha256(0, 5) == hash.sha256(\"hello\") }", HELLO);
        assertTrueRule(h + "rule test { condition: hash.checksum32(\"\\x80\\x01\") == 129 }", HELLO);
        assertTrueRule(h + "rule test { condition: hash.checksum32(0, filesize) == 542 }", HELLO);
        assertTrueRule(h + "rule test { condition: hash.crc32(\"hello\\n\") == 0x363a3020 }", HELLO);
        assertTrueRule(h + "rule test { condition: hash.crc32(0, filesize) == hash.crc32(\"hello\\n\") }", HELLO);
        assertTrueRule(h + "rule test { condition: hash.md5(0, 100) == hash.md5(0, filesize) }", HELLO);
        assertFalseRule(h + "rule test { condition: hash.md5(6, 1) == \"\" or hash.md5(6, 1) != \"\" }", HELLO);
        assertError(h + "rule test { condition: hash.sha512(\"a\") == \"\" }", "INVALID_FIELD_NAME");
    }

    private void pe() {
        group("pe on files that are not PE");
        String p = "import \"pe\" ";
        assertTrueRule(p + "rule test { condition: pe.is_pe == 0 and pe.MACHINE_I386 == 0x14c and pe.DLL == 0x2000 }", HELLO);
        assertTrueRule(p + "rule test { condition: not pe.is_pe }", HELLO);
        assertTrueRule(p + "rule test { condition: pe.IMPORT_ANY == -1 and pe.SECTION_MEM_WRITE == 0x80000000 }", HELLO);
        assertFalseRule(p + "rule test { condition: pe.number_of_sections == 0 or pe.number_of_sections != 0 }", HELLO);
        assertFalseRule(p + "rule test { condition: pe.imphash() == \"x\" or pe.imphash() != \"x\" }", HELLO);
        assertFalseRule(p + "rule test { condition: pe.exports(\"a\") or not pe.exports(\"a\") }", HELLO);
        assertFalseRule(p + "rule test { condition: for any s in pe.sections : (s.name == \".text\") }", HELLO);
        assertTrueRule(p + "rule test { condition: for all s in pe.sections : (s.name == \".text\") or true }", HELLO);
        assertFalseRule(p + "rule test { condition: for any k, v in pe.version_info : (k == \"a\") }", HELLO);
        assertFalseRule(p + "rule test { condition: pe.sections[0].name }", HELLO);
        assertFalseRule(p + "rule test { condition: pe.version_info[\"x\"] == \"y\" }", HELLO);
        assertTrueRule(p + "rule test { condition: pe.delay_import_details[0].number_of_function == 1 or true }", HELLO);
        assertError(p + "rule test { condition: pe.delay_import_details[0].number_of_functions == 1 }", "INVALID_FIELD_NAME");
        assertError(p + "rule test { condition: pe.signatures[0].verified }", "INVALID_FIELD_NAME");
        assertError(p + "rule test { condition: pe.imports(1) }", "WRONG_ARGUMENTS");
        assertError(p + "rule test { condition: pe.sections }", "WRONG_TYPE");
        assertError(p + "rule test { condition: pe.is_pe.x }", "NOT_A_STRUCTURE");
        assertError(p + "rule test { condition: pe.is_pe[0] }", "NOT_INDEXABLE");
        assertError(p + "rule test { condition: pe.is_pe() }", "NOT_A_FUNCTION");
        assertError(p + "rule test { condition: for any s in pe.is_pe : (true) }", "WRONG_TYPE");
        assertError(p + "rule test { condition: for any a, b in pe.sections : (true) }", "SYNTAX_ERROR");
        assertError(p + "rule test { condition: pe.sections[\"a\"].name == \"\" }", "WRONG_TYPE");
    }

    private void externals() {
        group("external variables");
        defines("i=5", "f=1.5", "b=true", "s=abc", "e=");
        assertTrueRule("rule test { condition: i == 5 and i + 1 == 6 }");
        assertTrueRule("rule test { condition: f > 1.0 and f < 2 }");
        assertTrueRule("rule test { condition: b and b == 1 }");
        assertTrueRule("rule test { condition: s == \"abc\" and s contains \"b\" and s matches /^a.c$/ }");
        assertTrueRule("rule test { condition: e == \"\" and not e }");
        assertFalseRule("rule test { condition: e matches /x/ }");
        assertFalseRule("rule test { condition: 10 \\ (i - 5) == 0 or 10 \\ (i - 5) != 0 }");
        assertError("rule test { condition: 10 \\ (5 - 5) == 0 }", "DIVISION_BY_ZERO");
        assertError("rule i { condition: true }", "DUPLICATED_IDENTIFIER");
        assertError("rule test { condition: s + 1 == 2 }", "WRONG_TYPE");
        defines("filename=");
        assertFalseRule("rule test { condition: filename matches /\\.aspx$/i }");
        assertError("rule test { condition: filepath == \"\" }", "UNDEFINED_IDENTIFIER");
    }
}
