package org.exhunt.yara.rules;

/**
 * The YARA language, feature by feature, in the style of YARA's {@code tests/test-rules.c}. Each line is
 * checked against exhunt and against {@code yara} 4.2.3.
 */
public final class LanguageTable extends RuleTable {

    @Override
    protected void define() {
        booleans();
        arithmetic();
        comparisons();
        textStrings();
        hexStrings();
        regexes();
        matchQueries();
        sets();
        loops();
        dataReads();
        ruleReferences();
        stringOperators();
        comments();
        sharedStrings();
        limits();
        errors();
    }

    private void booleans() {
        group("booleans");
        assertTrueRule("rule test { condition: true }");
        assertFalseRule("rule test { condition: false }");
        assertTrueRule("rule test { condition: true and true }");
        assertFalseRule("rule test { condition: true and false }");
        assertTrueRule("rule test { condition: true or false }");
        assertTrueRule("rule test { condition: not false }");
        assertFalseRule("rule test { condition: not true }");
        assertTrueRule("rule test { condition: not (false or false) }");
        assertTrueRule("rule test { condition: not false and true }");
        assertTrueRule("rule test { condition: 2 }");
        assertFalseRule("rule test { condition: 0 }");
        assertTrueRule("rule test { condition: 1.0 }");
        assertFalseRule("rule test { condition: 0.0 }");
        assertTrueRule("rule test { condition: -0.0 }");
        assertTrueRule("rule test { condition: \"a\" }");
        assertFalseRule("rule test { condition: \"\" }");
        assertFalseRule("rule test { condition: uint8(1000) == 1 }");
        assertFalseRule("rule test { condition: not (uint8(1000) == 1) }");
        assertTrueRule("rule test { condition: not (uint8(1000) == 1) or true }");
        assertFalseRule("rule test { condition: not (uint8(1000) == 1) and true }");
        assertTrueRule("rule test { condition: not (1.5 < uint8(1000)) }");
        assertFalseRule("rule test { condition: not (1.5 > uint8(1000)) }");
    }

    private void arithmetic() {
        group("arithmetic");
        assertTrueRule("rule test { condition: 1 + 1 == 2 }");
        assertTrueRule("rule test { condition: 1 - -1 == 2 }");
        assertTrueRule("rule test { condition: 2 * 3 + 1 == 7 }");
        assertTrueRule("rule test { condition: 7 \\ 2 == 3 }");
        assertTrueRule("rule test { condition: -7 \\ 2 == -3 }");
        assertTrueRule("rule test { condition: -7 % 3 == -1 }");
        assertTrueRule("rule test { condition: 5 \\ 2.0 == 2.5 }");
        assertTrueRule("rule test { condition: 1.0 \\ 0 > 1 }");
        assertTrueRule("rule test { condition: 0.1 + 0.2 == 0.3 }");
        assertTrueRule("rule test { condition: 1 << 64 == 0 }");
        assertTrueRule("rule test { condition: 0x10 == 16 and 0o17 == 15 }");
        assertTrueRule("rule test { condition: 1KB == 1024 and 1MB == 1048576 }");
        assertTrueRule("rule test { condition: ~0 == -1 }");
        assertTrueRule("rule test { condition: (3 | 4) == 7 and (6 & 3) == 2 and (6 ^ 3) == 5 }");
        assertTrueRule("rule test { condition: 1 << 3 == 8 and 16 >> 2 == 4 and -16 >> 2 == -4 }");
        assertTrueRule("rule test { condition: 9223372036854775807 == 9223372036854775807 }");
        assertFalseRule("rule test { condition: filesize + 9223372036854775807 > 0 }");
        assertFalseRule("rule test { condition: filesize \\ (filesize - 43) == 0 }");
        assertFalseRule("rule test { condition: not (filesize \\ (filesize - 43) == 0) }");
        assertTrueRule("rule test { condition: 1 + 2 * 3 == 7 and (1 + 2) * 3 == 9 }");
        assertTrueRule("rule test { condition: 2 | 1 << 2 == 6 }");
        assertTrueRule("rule test { condition: 10 - 2 - 3 == 5 and 100 \\ 10 \\ 5 == 2 }");
    }

    private void comparisons() {
        group("comparisons");
        assertTrueRule("rule test { condition: 2 > 1 and 1 < 2 and 2 >= 2 and 2 <= 2 and 1 != 2 }");
        assertTrueRule("rule test { condition: 1.5 < 2 and 2 > 1.5 }");
        assertTrueRule("rule test { condition: \"abc\" == \"abc\" and \"a\" < \"b\" and \"ab\" > \"a\" }");
        assertTrueRule("rule test { condition: \"abc\" != \"abd\" }");
    }

    private void textStrings() {
        group("text strings");
        assertTrueRule("rule test { strings: $a = \"quick\" condition: $a }");
        assertFalseRule("rule test { strings: $a = \"Quick\" condition: $a }");
        assertTrueRule("rule test { strings: $a = \"Quick\" nocase condition: $a }");
        assertStrings("rule test { strings: $a = \"aa\" condition: $a }", "aaaa",
                "0x0:$a: aa", "0x1:$a: aa", "0x2:$a: aa");
        assertTrueRule("rule test { strings: $a = \"aa\" condition: #a == 3 }", "aaaa");
        assertStrings("rule test { strings: $a = \"ab\" wide condition: $a }", bytes("xa\0b\0"), "0x1:$a: a\\x00b\\x00");
        assertStrings("rule test { strings: $a = \"ab\" wide ascii condition: $a }", bytes("a\0b\0ab"),
                "0x0:$a: a\\x00b\\x00", "0x4:$a: ab");
        assertStrings("rule test { strings: $a = \"a\\tb\\x41\\\"\\\\\" condition: $a }", bytes("a\tbA\"\\"),
                "0x0:$a: a\\x09bA\"\\");
        assertTrueRule("rule test { strings: $a = \"ab\" fullword condition: $a }", "_ab_");
        assertFalseRule("rule test { strings: $a = \"ab\" fullword condition: $a }", "1ab");
        assertTrueRule("rule test { strings: $a = \"ab\" fullword condition: $a }", bytes("\u00e9ab"));
        assertTrueRule("rule test { strings: $a = \"ab\" wide fullword condition: $a }", bytes("xa\0b\0"));
        assertFalseRule("rule test { strings: $a = \"ab\" wide fullword condition: $a }", bytes("x\0a\0b\0"));
        assertTrueRule("rule test { strings: $a = \"ab\" wide fullword condition: $a }", bytes("a\0b\0x"));
        assertFalseRule("rule test { strings: $a = \"ab\" wide fullword condition: $a }", bytes("a\0b\0x\0"));
        assertStrings("rule test { strings: $a = \"abcd\" xor condition: $a }", bytes("\u007f\u007fdgfa\u007f\u007f"),
                "0x2:$a: dgfa");
        assertFalseRule("rule test { strings: $a = \"abcd\" xor(6-255) condition: $a }", bytes("\u007f\u007fdgfa\u007f\u007f"));
        assertFalseRule("rule test { strings: $a = \"abcd\" xor(1-255) condition: $a }", "zzabcdzz");
        assertTrueRule("rule test { strings: $a = \"abcd\" xor(0) condition: $a }", "zzabcdzz");
        assertTrueRule("rule test { strings: $a = \"abcd\" xor wide condition: $a }",
                bytes("\u007f\u007fd\u0005g\u0005f\u0005a\u0005\u007f\u007f"));
        assertStrings("rule test { strings: $a = \"This program\" base64 condition: $a }",
                "eFRoaXMgcHJvZ3JhbSBjYW5ub3Q=", "0x2:$a: RoaXMgcHJvZ3Jhb");
        assertStrings("rule test { strings: $a = \"This program\" base64 condition: $a }",
                "VGhpcyBwcm9ncmFtIGNhbm5vdA==", "0x0:$a: VGhpcyBwcm9ncmFt");
        assertStrings("rule test { strings: $a = \"This program\" base64wide condition: $a }",
                bytes("V\0G\0h\0p\0c\0y\0B\0w\0c\0m\09\0n\0c\0m\0F\0t\0"),
                "0x0:$a: V\\x00G\\x00h\\x00p\\x00c\\x00y\\x00B\\x00w\\x00c\\x00m\\x009\\x00n\\x00c\\x00m\\x00F\\x00t\\x00");
        assertTrueRule("rule test { strings: $a = \"This program\" base64(\"ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkjihgfedcba9876543210+/\") "
                + "condition: #a == 3 }", "ETskxbYdxn0mxnUg vUIlzCNtxSQeA6QsyJ== vSoFzToaRSYby7wbBD9=");
        assertFalseRule("rule test { strings: $a = \"This program\" base64 condition: $a }", "ETskxbYdxn0mxnUg");
        assertError("rule test { strings: $a = \"x\" base64(\"abc\") condition: $a }", "INVALID_MODIFIER");
        assertError("rule test { strings: $a = \"x\" base64 nocase condition: $a }", "INVALID_MODIFIER");
        assertTrueRule("rule test { strings: $a = \"ab\" nocase wide condition: $a }", bytes("A\0B\0"));
        assertFalseRule("rule test { strings: $a = \"\u00e9\" nocase condition: $a }", "\u00c3\u0089");
        assertTrueRule("rule test { strings: $a = \"\u00e9\" condition: $a }", "\u00c3\u00a9");
        assertTrueRule("rule test { strings: $a = \"ab\" xor fullword condition: $a }", "x \u0003\u0000 y");
        assertStrings("rule test { strings: $a = \"ab\" ascii wide nocase fullword condition: $a }", bytes("Ab-a\0B\0"),
                "0x0:$a: Ab", "0x3:$a: a\\x00B\\x00");
        assertTrueRule("rule test { strings: $a = \"x\" private $b = \"y\" condition: $a and $b }", "xy");
        assertStrings("rule test { strings: $a = \"x\" private $b = \"y\" condition: $a and $b }", "xy", "0x1:$b: y");
        assertStrings("rule test { strings: $a = \"bc\" condition: $a at 1 }", "abcbc", "0x1:$a: bc");
        assertStrings("rule test { strings: $a = \"bc\" condition: $a at filesize-4 }", "abcbc",
                "0x1:$a: bc", "0x3:$a: bc");
        assertStrings("rule test { strings: $ = \"end\" $ = \"zz\" condition: all of them }", "the end zz",
                "0x4:$: end", "0x8:$: zz");
    }

    private void hexStrings() {
        group("hex strings");
        assertStrings("rule test { strings: $a = { 41 42 } condition: $a }", "xAB", "0x1:$a: 41 42");
        assertStrings("rule test { strings: $a = { 41 ?? 43 } condition: $a }", "A\nC", "0x0:$a: 41 0A 43");
        assertTrueRule("rule test { strings: $a = { 41 4? } condition: $a }", "AB");
        assertTrueRule("rule test { strings: $a = { 41 ?2 } condition: $a }", "AB");
        assertStrings("rule test { strings: $a = { 41 [1] 43 } condition: $a }", "AxC", "0x0:$a: 41 78 43");
        assertStrings("rule test { strings: $a = { 41 [0-1] 43 } condition: $a }", "AC", "0x0:$a: 41 43");
        assertStrings("rule test { strings: $a = { 41 [-] 43 } condition: $a }", "AxxC", "0x0:$a: 41 78 78 43");
        assertStrings("rule test { strings: $a = { 41 ( 42 | 43 44 ) 45 } condition: $a }", "ACDE", "0x0:$a: 41 43 44 45");
        assertTrueRule("rule test { strings: $a = { 41 ( 42 [1] 43 | 44 ) } condition: $a }", "ABxC");
        assertTrueRule("rule test { strings: $a = { 41 // c\n 42 } condition: $a }", "AB");
        assertTrueRule("rule test { strings: $a = { 41 /* c */ 42 } condition: $a }", "AB");
        assertStrings("rule test { strings: $a = { 41 42 [-] 43 44 } condition: $a }", "ABxCDxCD", "0x0:$a: 41 42 78 43 44");
        assertTrueRule("rule test { strings: $a = { 41 42 [200-400] 43 44 } condition: #a == 2 }",
                "AB" + "x".repeat(250) + "CDAB" + "y".repeat(300) + "CD");
        assertFalseRule("rule test { strings: $a = { 41 } condition: $a }", "a");
        assertStrings("rule test { strings: $a = { 41 [2-] 42 } condition: $a }", "AxBxxB", "0x0:$a: 41 78 42 78 78 42");
        assertTrueRule("rule test { strings: $a = { 41 ( 4? | 5? ) 43 } condition: #a == 2 }", "AXC ABC");
        assertTrueRule("rule test { strings: $a = { 41 ( 42 | ?? ) 43 } condition: $a }", "A!C");
        assertError("rule test { strings: $a = { 41 [3-2] 43 } condition: $a }", "INVALID_HEX_STRING");
        assertError("rule test { strings: $a = { 41 4 } condition: $a }", "INVALID_HEX_STRING");
    }

    private void regexes() {
        group("regular expressions");
        assertStrings("rule test { strings: $a = /a{,2}b/ condition: $a }", "aaab", "0x1:$a: aab", "0x2:$a: ab", "0x3:$a: b");
        assertStrings("rule test { strings: $a = /a{2,}b/ condition: $a }", "aaab", "0x0:$a: aaab", "0x1:$a: aab");
        assertStrings("rule test { strings: $a = /[]a]+/ condition: $a }", "x]a]", "0x1:$a: ]a]", "0x2:$a: a]", "0x3:$a: ]");
        assertFalseRule("rule test { strings: $a = /a.c/ condition: $a }", "a\nc");
        assertTrueRule("rule test { strings: $a = /a.c/s condition: $a }", "a\nc");
        assertStrings("rule test { strings: $a = /\\bab/ condition: $a }", "xab ab", "0x4:$a: ab");
        assertStrings("rule test { strings: $a = /\\Bab/ condition: $a }", "xab ab", "0x1:$a: ab");
        assertStrings("rule test { strings: $a = /a+?b/ condition: $a }", "aaab", "0x0:$a: aaab", "0x1:$a: aab", "0x2:$a: ab");
        assertStrings("rule test { strings: $a = /(ab)+/ condition: $a }", "ababab", "0x0:$a: ababab", "0x2:$a: abab", "0x4:$a: ab");
        assertStrings("rule test { strings: $a = /a$/ condition: $a }", "aa", "0x1:$a: a");
        assertStrings("rule test { strings: $a = /^a/ condition: $a }", "aa", "0x0:$a: a");
        assertFalseRule("rule test { strings: $a = /a$b/ condition: $a }", "ab");
        assertFalseRule("rule test { strings: $a = /a||b/ condition: $a }", "b");
        assertFalseRule("rule test { strings: $a = /ab/ nocase wide condition: $a }", "ab");
        assertStrings("rule test { strings: $a = /ab/ wide ascii condition: $a }", bytes("a\0b\0ab"),
                "0x0:$a: a\\x00b\\x00", "0x4:$a: ab");
        assertFalseRule("rule test { strings: $a = /[^a]b/ nocase condition: $a }", "Ab");
        assertStrings("rule test { strings: $a = /\\w+/ wide condition: $a }", bytes("a\0b\0!"),
                "0x0:$a: a\\x00b\\x00", "0x2:$a: b\\x00");
        assertStrings("rule test { strings: $a = /abc/is condition: $a }", "ABC", "0x0:$a: ABC");
        assertStrings("rule test { strings: $a = /x+abcd/ condition: $a at 0 }", "xxabcdxxabcd",
                "0x0:$a: xxabcd", "0x1:$a: xabcd", "0x6:$a: xxabcd", "0x7:$a: xabcd");
        assertStrings("rule test { strings: $a = /A+/ condition: $a }", "xAAAy", "0x1:$a: AAA", "0x2:$a: AA", "0x3:$a: A");
        assertStrings("rule test { strings: $a = /\\d+\\s\\w\\W\\S\\D/ condition: $a }", "x12 a!bc", "0x1:$a: 12 a!bc", "0x2:$a: 2 a!bc");
        assertStrings("rule test { strings: $a = /[a-c\\d]{2}[^a-c]/ condition: $a }", "ab1c", "0x0:$a: ab1");
        assertStrings("rule test { strings: $a = /a{3}|b{1,2}c/ condition: $a }", "aaaa bbc", "0x0:$a: aaa", "0x1:$a: aaa",
                "0x5:$a: bbc", "0x6:$a: bc");
        assertTrueRule("rule test { strings: $a = /[a-c]x/i condition: $a }", "BX");
        assertTrueRule("rule test { strings: $a = /\\x41\\.\\//  condition: $a }", "A./");
        assertStrings("rule test { strings: $a = /(a|b)c/ condition: $a }", "acbc", "0x0:$a: ac", "0x2:$a: bc");
        assertStrings("rule test { strings: $a = /ab/ fullword condition: $a }", "ab xab ab", "0x0:$a: ab", "0x7:$a: ab");
        assertTrueRule("rule test { strings: $a = /ab.{,3}cd/ condition: $a }", "abxxxcd");
        assertFalseRule("rule test { strings: $a = /ab.{,3}cd/ condition: $a }", "abxxxxcd");
        assertTrueRule("rule test { strings: $a = /a[\\x00-\\x7f]b/ condition: $a }", bytes("a\u007fb"));
    }

    private void matchQueries() {
        group("counts, offsets, lengths");
        assertTrueRule("rule test { strings: $a = \"o\" condition: #a == 4 }");
        assertTrueRule("rule test { strings: $a = \"o\" condition: @a[1] == 12 and @a[2] == 17 and @a == 12 }");
        assertTrueRule("rule test { strings: $a = \"o\" condition: !a[1] == 1 and !a == 1 }");
        assertFalseRule("rule test { strings: $a = \"o\" condition: @a[5] == 0 or @a[5] != 0 }");
        assertTrueRule("rule test { strings: $a = \"o\" condition: #a in (0..20) == 2 }");
        assertTrueRule("rule test { strings: $a = \"quick\" condition: $a at 4 }");
        assertFalseRule("rule test { strings: $a = \"quick\" condition: $a at 5 }");
        assertTrueRule("rule test { strings: $a = \"quick\" condition: $a in (0..10) }");
        assertFalseRule("rule test { strings: $a = \"quick\" condition: $a in (5..10) }");
        assertFalseRule("rule test { strings: $a = \"quick\" condition: $a at uint8(1000) }");
    }

    private void sets() {
        group("sets");
        assertTrueRule("rule test { strings: $a = \"quick\" $b = \"fox\" $c = \"cat\" condition: 2 of them }");
        assertFalseRule("rule test { strings: $a = \"quick\" $b = \"fox\" $c = \"cat\" condition: all of them }");
        assertTrueRule("rule test { strings: $a = \"quick\" $b = \"fox\" $c = \"cat\" condition: any of ($a, $c) and $b }");
        assertTrueRule("rule test { strings: $a1 = \"quick\" $a2 = \"fox\" $b = \"cat\" condition: all of ($a*) and not $b }");
        assertError("rule test { strings: $a = \"quick\" $b = \"fox\" condition: any of ($a) }", "UNREFERENCED_STRING");
        assertTrueRule("rule test { strings: $a = \"cat\" condition: none of them }");
        assertTrueRule("rule test { strings: $a = \"quick\" $b = \"cat\" condition: 50% of them }");
        assertFalseRule("rule test { strings: $a = \"quick\" $b = \"cat\" condition: 51% of them }");
        assertTrueRule("rule test { strings: $a = \"quick\" condition: any of ($a) in (0..10) }");
        assertFalseRule("rule test { strings: $a = \"quick\" condition: \"a\" of them }");
        assertFalseRule("rule test { strings: $a = \"quick\" condition: 1.5 of them }");
        assertTrueRule("rule test { strings: $a = \"quick\" condition: -1 of them }");
        assertFalseRule("rule test { strings: $a = \"quick\" condition: 2 of them }");
        assertTrueRule("rule test { strings: $a = \"quick\" condition: 0 of ($a) or $a }");
        assertTrueRule("rule a { condition: true } rule b { condition: false } rule test { condition: any of (a, b) }");
        assertFalseRule("rule a { condition: true } rule b { condition: false } rule test { condition: all of (a, b) }");
        assertTrueRule("rule a1 { condition: true } rule a2 { condition: true } rule test { condition: all of (a*) }");
    }

    private void loops() {
        group("loops");
        assertTrueRule("rule test { condition: for all i in (1..3) : (i > 0) }");
        assertTrueRule("rule test { condition: for 2 i in (1..3) : (i > 1) }");
        assertFalseRule("rule test { condition: for all i in (1..0) : (true) }");
        assertFalseRule("rule test { condition: for any i in (1..0) : (true) }");
        assertFalseRule("rule test { condition: for none i in (1..0) : (true) }");
        assertFalseRule("rule test { condition: for any i in (1..3) : (uint8(1000) == i) }");
        assertFalseRule("rule test { condition: for all i in (1..3) : (uint8(1000) == i) }");
        assertTrueRule("rule test { condition: not for all i in (1..3) : (uint8(1000) == i) }");
        assertTrueRule("rule test { condition: for none i in (1..3) : (uint8(1000) == i) }");
        assertFalseRule("rule test { condition: for any i in (0..uint8(1000)) : (true) }");
        assertTrueRule("rule test { condition: for any i in (1, 2, 3) : (i == 2) }");
        assertTrueRule("rule test { condition: for all i in (1..2) : (for all j in (1..2) : (i * j > 0)) }");
        assertTrueRule("rule test { strings: $a = \"quick\" $b = \"fox\" condition: for all of them : ($ in (0..20)) }");
        assertTrueRule("rule test { strings: $a = \"o\" $b = \"fox\" condition: for any of them : (# > 3) }");
        assertTrueRule("rule test { strings: $a = \"o\" condition: for all i in (1..#a) : (@a[i] > 10) }");
        assertTrueRule("rule test { condition: for 5 i in (1..3) : (i) }");
    }

    private void dataReads() {
        group("filesize and integer reads");
        assertTrueRule("rule test { condition: filesize == 43 }");
        assertTrueRule("rule test { condition: uint8(0) == 0x54 and uint16(0) == 0x6854 and uint32(0) == 0x20656854 }");
        assertTrueRule("rule test { condition: uint16be(0) == 0x5468 and uint32be(0) == 0x54686520 }");
        assertTrueRule("rule test { condition: int8(0) == -1 and int16(0) == -1 and uint16(0) == 0xffff }", bytes("\u00ff\u00ff"));
        assertFalseRule("rule test { condition: uint32(40) == 0 or uint32(40) != 0 }");
        assertTrueRule("rule test { condition: uint32(39) == 0x676f6420 }");
        assertFalseRule("rule test { condition: uint8(-1) == 0 or uint8(-1) != 0 }");
        assertTrueRule("rule test { condition: int32be(0) == 0x54686520 and int16be(0) == 0x5468 and int8be(0) == 0x54 }");
        assertTrueRule("rule test { condition: int32(0) == -1 and uint32(0) == 0xffffffff and uint8be(0) == 255 }",
                bytes("\u00ff\u00ff\u00ff\u00ff"));
        assertFalseRule("rule test { condition: entrypoint == 0 or entrypoint != 0 }");
        assertTrueRule("rule test { condition: filesize == 0 }", bytes(""));
    }

    private void ruleReferences() {
        group("rule references, private and global rules");
        assertTrueRule("rule a { condition: true } rule test { condition: a }");
        assertFalseRule("rule a { condition: false } rule test { condition: a }");
        assertTrueRule("private rule a { condition: true } rule test { condition: a }");
        assertFalseRule("global rule g { condition: false } rule test { condition: true }");
        assertTrueRule("global rule g { condition: true } rule test { condition: true }");
        assertFalseRule("rule test { condition: true } global rule g { condition: false }");
        assertTrueRule("rule test : tag1 tag2 { meta: a = \"x\" b = -1 c = true condition: true }");
        assertTrueRule("global private rule g { condition: filesize > 0 } rule test { condition: true }");
        assertError("rule test { condition: later } rule later { condition: true }", "UNDEFINED_IDENTIFIER");
    }

    private void stringOperators() {
        group("string operators");
        assertTrueRule("rule test { condition: \"abcd\" contains \"bc\" and \"abcd\" icontains \"BC\" }");
        assertTrueRule("rule test { condition: \"abcd\" startswith \"ab\" and \"abcd\" istartswith \"AB\" }");
        assertTrueRule("rule test { condition: \"abcd\" endswith \"cd\" and \"abcd\" iendswith \"CD\" }");
        assertTrueRule("rule test { condition: \"abcd\" iequals \"ABCD\" and not (\"abcd\" iequals \"ABC\") }");
        assertTrueRule("rule test { condition: \"abcd\" matches /b.d/ and not (\"abcd\" matches /^b/) }");
        assertTrueRule("rule test { condition: \"ABCD\" matches /b.d/i }");
    }

    private void comments() {
        group("comments");
        assertTrueRule("/* a\n block */ rule test // line\n { /* x */ strings: $a = \"o\" // y\n condition: /**/ $a }");
        assertTrueRule("rule test { strings: $a = \"/* not a comment */\" condition: $a }", "x/* not a comment */");
        assertTrueRule("rule test { condition: true } /* unterminated at the end of the file");
    }

    /** Equal strings in several rules are searched once; their uses must still be each rule's own. */
    private void sharedStrings() {
        group("strings equal in several rules");
        assertTrueRule("rule a { strings: $x = \"fox\" condition: $x } rule test { strings: $y = \"fox\" condition: #y == 1 and a }");
        assertTrueRule("rule a { strings: $x = \"o\" condition: $x at 12 } rule test { strings: $y = \"o\" condition: #y == 4 and a }");
        assertStrings("rule a { strings: $x = \"o\" condition: $x at 12 } rule test { strings: $y = \"o\" $z = \"o\" private "
                + "condition: $y and $z }", TEXT, "0xc:$y: o", "0x11:$y: o", "0x1a:$y: o", "0x29:$y: o");
        assertFalseRule("rule a { strings: $x = \"fox\" nocase condition: $x } rule test { strings: $y = \"FOX\" condition: $y }");
        assertTrueRule("rule a { strings: $x = /o[a-z]/ condition: #x == 4 } rule test { strings: $y = /o[a-z]/ condition: #y == 4 and a }");
    }

    private void limits() {
        group("limits");
        byte[] many = new byte[1_000_005];
        java.util.Arrays.fill(many, (byte) 'a');
        assertTrueRule("rule test { strings: $a = \"a\" condition: #a == 1000000 and @a[1000000] == 999999 }", many);
        assertTrueRule("rule test { strings: $a = \"aa\" $b = \"b\" condition: #a == 1000000 and not $b }", many);
    }

    private void errors() {
        group("compile errors");
        assertError("rule test { condition: any of them }", "UNDEFINED_STRING");
        assertError("rule test { strings: $ = \"x\" condition: true }", "UNREFERENCED_STRING");
        assertError("rule test { strings: $a = \"x\" condition: true }", "UNREFERENCED_STRING");
        assertError("rule test { strings: $a = \"x\" $a = \"y\" condition: $a }", "DUPLICATED_STRING_IDENTIFIER");
        assertError("rule test { condition: true } rule test { condition: true }", "DUPLICATED_IDENTIFIER");
        assertError("rule test { strings: $a = \"h\" condition: any of ($b*) }", "UNDEFINED_STRING");
        assertError("rule test { condition: 1 \\ 0 == 0 }", "DIVISION_BY_ZERO");
        assertError("rule test { condition: filesize \\ 0 == 0 }", "DIVISION_BY_ZERO");
        assertError("rule test { condition: 1 << -1 == 0 }", "INVALID_OPERAND");
        assertError("rule test { condition: 9223372036854775807 + 1 > 0 }", "INTEGER_OVERFLOW");
        assertError("rule test { condition: 9223372036854775808 > 0 }", "INTEGER_OVERFLOW");
        assertError("rule test { condition: true == 1 }", "SYNTAX_ERROR");
        assertError("rule test { condition: \"a\" + \"b\" == \"ab\" }", "WRONG_TYPE");
        assertError("rule test { condition: 1.5 % 1 == 0 }", "WRONG_TYPE");
        assertError("rule test { strings: $a = \"h\" condition: 0% of them }", "INVALID_PERCENTAGE");
        assertError("rule test { condition: for any s in (\"a\", \"b\") : (s == \"a\") }", "WRONG_TYPE");
        assertError("rule test { strings: $a = \"\" condition: $a }", "EMPTY_STRING");
        assertError("rule test { strings: $a = \"hello\" xor nocase condition: $a }", "INVALID_MODIFIER");
        assertError("rule test { strings: $a = \"hello\" wide wide condition: $a }", "DUPLICATED_MODIFIER");
        assertError("rule test { strings: $a = /a{0}b/ condition: $a }", "INVALID_REGULAR_EXPRESSION");
        assertError("rule test { strings: $a = /a*b+?/ condition: $a }", "INVALID_REGULAR_EXPRESSION");
        assertError("rule test { strings: $a = { 41 [0] 43 } condition: $a }", "INVALID_HEX_STRING");
        assertError("rule test { strings: $a = { 41 ~42 } condition: $a }", "SYNTAX_ERROR");
        assertError("rule test { strings: $a = \"a\\q\" condition: $a }", "SYNTAX_ERROR");
        assertError("rule test { condition: x }", "UNDEFINED_IDENTIFIER");
        assertError("import \"nope\" rule test { condition: true }", "UNKNOWN_MODULE");
        assertError("rule test { condition: $ }", "MISPLACED_ANONYMOUS_STRING");
    }
}
