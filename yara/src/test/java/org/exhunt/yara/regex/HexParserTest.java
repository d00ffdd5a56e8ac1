package org.exhunt.yara.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** (hex string, tree dump, fast?) and (hex string, error) tables; errors are libyara's texts. */
class HexParserTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "{ 41 } => Lit(41) => true",
        "{ 4142 } => Cat(Lit(41),Lit(42)) => true",
        "{ 41 ?? 4? ?2 } => Cat(Lit(41),Any,Masked(40/F0),Masked(02/0F)) => true",
        "{ 41 [2] 42 [1-3] 43 } => Cat(Lit(41),AnyRange(2,2,lazy),Lit(42),AnyRange(1,3,lazy),Lit(43)) => true",
        "{ 41 [1-2] [3] 42 } => Cat(Lit(41),AnyRange(4,5,lazy),Lit(42)) => true",
        "{ 41 [-] 42 } => Cat(Lit(41),AnyRange(0,32767,lazy),Lit(42)) => true",
        "{ 41 [5-] 42 } => Cat(Lit(41),AnyRange(5,32767,lazy),Lit(42)) => true",
        "{ 41 ( 42 | 43 44 ) 45 } => Cat(Lit(41),Alt(Lit(42),Cat(Lit(43),Lit(44))),Lit(45)) => false",
        "{ 41 (42) } => Cat(Lit(41),Lit(42)) => true",
        "{ 41 /* x */ 42 // y\\n } => Cat(Lit(41),Lit(42)) => true",
        "{ 41 [0-0] 42 } => Cat(Lit(41),AnyRange(0,0,lazy),Lit(42)) => true",
    })
    void parsesIntoLibyarasTree(String hex, String expected, boolean fast) throws RegexSyntaxException {
        RegexAst ast = HexParser.parse(hex.replace("\\n", "\n"));
        assertThat(ast.toString()).isEqualTo(expected);
        assertThat(ast.isFast()).isEqualTo(fast);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "{ 4 142 } => uneven number of digits in hex string",
        "{ 41 4 } => uneven number of digits in hex string",
        "{ 41 [0] 43 } => invalid jump length",
        "{ 41 [2-1] 43 } => invalid jump range",
        "{ [1] 41 } => syntax error",
        "{ 41 [1] } => syntax error",
        "{ } => syntax error",
        "{ 41 ( 42 | ) } => syntax error",
        "{ 41 ( 42 [201] 43 | 44 ) } => jumps over 200 not allowed inside alternation (|)",
        "{ 41 ( 42 [-] 43 | 44 ) } => unbounded jumps not allowed inside alternation (|)",
    })
    void refusesWhatYaraRefuses(String hex, String message) {
        assertThatThrownBy(() -> HexParser.parse(hex)).isInstanceOf(RegexSyntaxException.class).hasMessage(message);
    }
}
