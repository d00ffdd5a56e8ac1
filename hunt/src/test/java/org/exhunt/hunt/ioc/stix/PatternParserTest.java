package org.exhunt.hunt.ioc.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** (pattern, alternatives) pairs: each alternative's comparisons joined by AND, alternatives by OR. */
class PatternParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "[file:hashes.'SHA-256' = 'ab']                         | file:hashes.SHA-256 = 'ab'",
        "[file:hashes.MD5='ab' AND file:name = 'x.aspx']         | file:hashes.MD5 = 'ab' AND file:name = 'x.aspx'",
        "[ipv4-addr:value = '192.0.2.1'] OR [ipv4-addr:value = '192.0.2.2'] | ipv4-addr:value = '192.0.2.1' OR ipv4-addr:value = '192.0.2.2'",
        "[ipv4-addr:value ISSUBSET '192.0.2.0/24']               | ipv4-addr:value ISSUBSET '192.0.2.0/24'",
        "[file:name IN ('a.aspx', 'b.aspx')]                     | file:name = 'a.aspx' OR file:name = 'b.aspx'",
        "[(file:name = 'a' OR file:name = 'b') AND file:size = 5] | file:name = 'a' AND file:size = 5 OR file:name = 'b' AND file:size = 5",
        "([url:value = 'http://h/a'] OR ([url:value = 'http://h/b'])) | url:value = 'http://h/a' OR url:value = 'http://h/b'",
        "[file:name = 'it\\'s \\\\ AND OR]']                     | file:name = 'it's \\ AND OR]'",
        "[file:parent_directory_ref.path = 'C:\\\\ProgramData']  | file:parent_directory_ref.path = 'C:\\ProgramData'",
        "[x-custom:list[0].value NOT LIKE 'a%']                  | x-custom:list[0].value NOT LIKE 'a%'",
        "[file:size > 10 or file:name matches '^a']              | file:size > 10 OR file:name MATCHES '^a'",
        "[artifact:payload_bin = b'AAEC' AND artifact:hashes.MD5 = h'00ff'] | artifact:payload_bin = b'AAEC' AND artifact:hashes.MD5 = h'00ff'",
    })
    void readsPatternsIntoAlternatives(String pattern, String dump) throws PatternException {
        assertThat(dump(PatternParser.parse(pattern))).isEqualTo(dump.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "[ipv4-addr:value = '192.0.2.1'] AND [file:name = 'x']             | 32 | observations joined by AND",
        "[ipv4-addr:value = '192.0.2.1'] FOLLOWEDBY [file:name = 'x']      | 32 | observations joined by FOLLOWEDBY",
        "[file:name = 'x'] WITHIN 300 SECONDS                              | 18 | the WITHIN qualifier",
        "[file:name = 'x'] START t'2021-01-01T00:00:00Z' STOP t'2021-02-01T00:00:00Z' | 18 | the START qualifier",
        "[file:name = 'x'                                                  | 16 | expected ']', found the end of the pattern",
        "[file:name = 'x]                                                  | 13 | string not closed",
        "[file:name 'x']                                                   | 11 | expected a comparison operator, found 'x'",
        "file:name = 'x'                                                   | 0  | expected '[' or '(' to start an observation",
        "[file:name = 'x'] ]                                               | 18 | unexpected ']'",
        "[file:name = 'a\\x']                                              | 15 | only \\\\ and \\' may be escaped",
        "[file:name = 'x'] OR                                              | 20 | expected '[' or '('",
        "[file:name ! 'x']                                                 | 11 | '!' must be followed by '='",
        "[file:name = x]                                                   | 13 | expected a value, found 'x'",
    })
    void refusesWithThePosition(String pattern, int position, String message) {
        assertThatThrownBy(() -> PatternParser.parse(pattern.strip()))
                .isInstanceOfSatisfying(PatternException.class, e -> {
                    assertThat(e.getMessage()).contains(message.strip());
                    assertThat(e.position()).isEqualTo(position);
                });
    }

    @Test
    void capsTheExpansionOfAndOverOrAndTheNesting() {
        String nine = "(file:name = 'a' OR file:name = 'b' OR file:name = 'c')";
        String pattern = "[" + String.join(" AND ", List.of(nine, nine, nine, nine, nine, nine)) + "]"; // 3^6 = 729
        assertThatThrownBy(() -> PatternParser.parse(pattern)).hasMessageContaining("more than 256 alternatives");
        String deep = "[" + "(".repeat(40) + "file:name = 'a'" + ")".repeat(40) + "]";
        assertThatThrownBy(() -> PatternParser.parse(deep)).hasMessageContaining("nested deeper than 32");
        assertThatThrownBy(() -> PatternParser.parse("[" + "(".repeat(100_000))).hasMessageContaining("longer than");
    }

    static String dump(List<List<Comparison>> alternatives) {
        return alternatives.stream().map(a -> a.stream().map(Comparison::toString).collect(Collectors.joining(" AND ")))
                .collect(Collectors.joining(" OR "));
    }
}
