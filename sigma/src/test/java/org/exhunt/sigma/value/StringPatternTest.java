package org.exhunt.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wildcard matching of whole values, case-insensitive unless cased. */
class StringPatternTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            prog?.exe          | progA.exe                    | true
            prog?.exe          | progAB.exe                   | false
            antivirus_V*.exe   | antivirus_V21.2.1.exe        | true
            antivirus_V*.exe   | ANTIVIRUS_v1.EXE             | true
            antivirus_V*.exe   | antivirus_V1.exe.bak         | false
            *\\cmd.exe         | C:\\Windows\\System32\\cmd.exe | true
            *\\cmd.exe         | C:\\cmd.exe\\x               | false
            whoami             | WhoAmI                       | true
            whoami             | whoami.exe                   | false
            *a*b*a*            | xxaxxbxxaxx                  | true
            *a*b*a*            | xxaxxbxx                     | false
            a*a                | a                            | false
            a*a                | aa                           | true
            ?                  | ''                           | false
            *                  | ''                           | true
            *?x?*              | zxz                          | true
            *?x?*              | xz                           | false
            \\*                | *                            | true
            \\*                | a                            | false
            \\\\*              | \\anything                   | true
            \\\\\\*            | \\*                          | true
            \\\\\\*            | \\x                          | false
            """)
    void matches(String pattern, String value, boolean expected) {
        String v = value.equals("''") ? "" : value;
        StringPattern p = StringPattern.compile(SigmaString.parse(pattern), false);
        assertThat(p.matches(v, Fold.fold(v))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Whoami  | Whoami | true
            Whoami  | whoami | false
            *Ami    | WhoAmi | true
            *Ami    | WhoAMI | false
            """)
    void casedMatchesCaseSensitively(String pattern, String value, boolean expected) {
        StringPattern p = StringPattern.compile(SigmaString.parse(pattern), true);
        assertThat(p.matches(value, Fold.fold(value))).isEqualTo(expected);
    }
}
