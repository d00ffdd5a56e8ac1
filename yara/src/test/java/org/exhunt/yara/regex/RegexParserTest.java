package org.exhunt.yara.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** (pattern, tree dump) and (pattern, error) tables for YARA's regex dialect; errors are libyara's texts. */
class RegexParserTest {

    private static String dump(String pattern) throws RegexSyntaxException {
        return RegexParser.parse(pattern.getBytes(StandardCharsets.ISO_8859_1)).toString();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "abc => Cat(Lit(61),Lit(62),Lit(63))",
        "a|b|c => Alt(Alt(Cat(Lit(61)),Cat(Lit(62))),Cat(Lit(63)))",
        "a| => Alt(Cat(Lit(61)),Empty)",
        "(a|)b => Cat(Alt(Cat(Lit(61)),Empty),Lit(62))",
        "a*b+? => Cat(Star(Lit(61)),Plus(Lit(62),lazy))",
        "a? => Cat(Range(0,1,Lit(61)))",
        "a{,3} => Cat(Range(0,3,Lit(61)))",
        "a{2,} => Cat(Range(2,32767,Lit(61)))",
        "a{,} => Cat(Range(0,32767,Lit(61)))",
        "a{2}? => Cat(Range(2,2,Lit(61),lazy))",
        ".* => Cat(Star(Any))",
        ".{1,5} => Cat(AnyRange(1,5))",
        ".? => Cat(AnyRange(0,1))",
        "a{ 1,2} => Cat(Lit(61),Lit(7B),Lit(20),Lit(31),Lit(2C),Lit(32),Lit(7D))",
        "a{x} => Cat(Lit(61),Lit(7B),Lit(78),Lit(7D))",
        "^a$ => Cat(Start,Lit(61),End)",
        "x(^a) => Cat(Lit(78),Cat(Start,Lit(61)))",
        "\\bab\\B => Cat(Boundary,Lit(61),Lit(62),NonBoundary)",
        "\\w\\W\\s\\S\\d\\D => Cat(Word,NonWord,Space,NonSpace,Digit,NonDigit)",
        "\\x41\\n\\t\\r\\f\\a\\q => Cat(Lit(41),Lit(0A),Lit(09),Lit(0D),Lit(0C),Lit(07),Lit(71))",
        "[a-c_] => Cat(Class([5F,61-63]))",
        "[^\"] => Cat(Class([^22]))",
        "[]a] => Cat(Class([5D,61]))",
        "[^]a] => Cat(Class([^5D,61]))",
        "[a-] => Cat(Class([2D,61]))",
        "[\\w-z] => Cat(Class([77-7A]))",
        "[\\x41-\\x43] => Cat(Class([41-43]))",
        "[\\d] => Cat(Class([30-39]))",
        "[\\]] => Cat(Class([5D]))",
    })
    void parsesIntoLibyarasTree(String pattern, String expected) throws RegexSyntaxException {
        assertThat(dump(pattern)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "a{0}b => bad repeat interval",
        "a{0,0}b => bad repeat interval",
        "a{3,2} => bad repeat interval",
        "a{32768} => repeat interval too large",
        "a{,32768} => repeat interval too large",
        "()b => syntax error",
        "a** => syntax error",
        "a{2}{3} => syntax error",
        "a?+ => syntax error",
        "^* => syntax error",
        "a\\b+ => syntax error",
        "(a => syntax error",
        "a) => syntax error",
        "(|a)b => syntax error",
        "[ab => missing terminating ] for character class",
        "[^] => missing terminating ] for character class",
        "[z-a] => bad character range",
        "\\x4 => illegal escape sequence",
        "\\xZZ => illegal escape sequence",
        "\\1 => backreferences are not allowed",
    })
    void refusesWhatYaraRefuses(String pattern, String message) {
        assertThatThrownBy(() -> dump(pattern)).isInstanceOf(RegexSyntaxException.class).hasMessage(message);
    }

    @org.junit.jupiter.api.Test
    void nonAsciiIsALiteralOutsideAClassAndAnErrorInside() throws RegexSyntaxException {
        assertThat(RegexParser.parse(new byte[] {(byte) 0xC3, (byte) 0xA9}).toString()).isEqualTo("Cat(Lit(C3),Lit(A9))");
        assertThatThrownBy(() -> RegexParser.parse(new byte[] {'[', (byte) 0xC3, ']'}))
                .hasMessage("non-ascii character");
    }
}
