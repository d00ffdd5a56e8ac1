package org.exhunt.sigma.modifier;

import java.util.List;
import org.exhunt.sigma.detection.Evaluation;
import org.exhunt.sigma.detection.ValueTest;
import org.exhunt.sigma.prefilter.Need;
import org.exhunt.sigma.value.Fold;
import org.exhunt.sigma.value.Numbers;
import org.exhunt.sigma.value.SigmaString;
import org.exhunt.sigma.value.SigmaValue;
import org.exhunt.sigma.value.StringPattern;

/**
 * Where in the field a value must appear: equal by default, {@code contains}, {@code startswith},
 * {@code endswith}. Strings keep their wildcards; numbers also equal their numeric value ({@code 4688} matches
 * {@code 4688} and {@code 0x1250}); booleans compare as {@code true}/{@code false}.
 */
final class StringModifiers {

    private StringModifiers() {}

    static final TestBuilder EQUALS = (v, c) -> build(v, c, false, false);
    static final TestBuilder CONTAINS = (v, c) -> build(v, c, true, true);
    static final TestBuilder STARTSWITH = (v, c) -> build(v, c, false, true);
    static final TestBuilder ENDSWITH = (v, c) -> build(v, c, true, false);

    static final List<Modifier> ALL = List.of(
            Modifier.of("contains", c -> c.type("contains", CONTAINS)),
            Modifier.of("startswith", c -> c.type("startswith", STARTSWITH)),
            Modifier.of("endswith", c -> c.type("endswith", ENDSWITH)));

    private static ValueTest build(SigmaValue v, ValueChain chain, boolean before, boolean after) throws ModifierException {
        if (v instanceof SigmaValue.Str s) return new PatternTest(s.pattern().surround(before, after), chain.cased);
        if (v instanceof SigmaValue.Bool b) return new PatternTest(SigmaString.plain(String.valueOf(b.value())).surround(before, after), false);
        if (v instanceof SigmaValue.Num n) {
            PatternTest text = new PatternTest(SigmaString.plain(n.text()).surround(before, after), false);
            return before || after ? text : new NumberTest(n, text);
        }
        throw new ModifierException("cannot match " + v);
    }

    /** A string value with wildcards. */
    static final class PatternTest implements ValueTest {
        private final StringPattern pattern;
        private final Need need;

        PatternTest(SigmaString value, boolean cased) {
            this.pattern = StringPattern.compile(value, cased);
            this.need = Need.literal(Fold.fold(value.longestLiteral()));
        }

        @Override
        public boolean test(String value, String folded, Evaluation ev) {
            return pattern.matches(value, folded);
        }

        @Override
        public Need need() {
            return need;
        }
    }

    /** A number: equal as text, or as a number once the field's text is read as one. */
    static final class NumberTest implements ValueTest {
        private final double number;
        private final PatternTest text;

        NumberTest(SigmaValue.Num n, PatternTest text) {
            this.number = n.value();
            this.text = text;
        }

        @Override
        public boolean test(String value, String folded, Evaluation ev) {
            return text.test(value, folded, ev) || Numbers.parse(value) == number;
        }

        @Override
        public Need need() {
            return Need.ALWAYS;   // "0x1250" equals 4688 without containing it
        }
    }
}
