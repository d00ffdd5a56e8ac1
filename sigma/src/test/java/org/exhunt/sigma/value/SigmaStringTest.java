package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sigma's escaping rules, with the specification's own examples ("Escaping", rules specification 2.0). */
class SigmaStringTest {

    /** (value as written in YAML, parts: literal text in [], * and ? as themselves). */
    @ParameterizedTest(name = "{index}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            C:\\Windows\\System32\\whoami.exe | [C:\\Windows\\System32\\whoami.exe]
            prog?.exe                         | [prog]?[.exe]
            antivirus_V*.exe                  | [antivirus_V]*[.exe]
            \\*                               | [*]
            \\?                               | [?]
            \\\\*                             | [\\]*
            \\\\\\*                           | [\\*]
            \\\\\\\\                          | [\\\\]
            \\\\\\                            | [\\\\]
            \\\\                              | [\\]
            \\\\localhost\\C$                 | [\\localhost\\C$]
            *\\cmd.exe                        | *[\\cmd.exe]
            a**b                              | [a]*[b]
            ""                                | ""
            """)
    void escapes(String raw, String parts) {
        assertThat(dump(SigmaString.parse(raw))).isEqualTo(parts == null ? "" : parts);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            \\\\*
            \\\\\\*
            a?b*c
            C:\\Windows\\
            """)
    void printingAndParsingAgainGivesTheSameValue(String raw) {
        SigmaString s = SigmaString.parse(raw);
        assertThat(SigmaString.parse(s.toString())).isEqualTo(s);
    }

    private static String dump(SigmaString s) {
        StringBuilder b = new StringBuilder();
        for (SigmaString.Part p : s.parts()) {
            if (p instanceof SigmaString.Literal l) b.append('[').append(l.text()).append(']');
            else b.append(p == SigmaString.AnyChars.ANY ? '*' : '?');
        }
        return b.toString();
    }
}
