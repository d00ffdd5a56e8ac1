package org.exhunt.sigma.modifier;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;
import org.exhunt.core.Evidence;
import org.exhunt.core.Limits;
import org.exhunt.sigma.detection.Evaluation;
import org.exhunt.sigma.detection.ValueTest;
import org.exhunt.sigma.prefilter.Need;
import org.exhunt.sigma.value.Fold;
import org.exhunt.sigma.value.SigmaValue;

/**
 * {@code re} and its flags {@code i}, {@code m}, {@code s}. Patterns run on RE2J, in time linear in the text
 * whatever the pattern, since rules and logs may both be hostile; they are case-sensitive unless {@code i},
 * searched anywhere in the value, and take the rule's text as written (no wildcard reading). A pattern whose
 * counted repetitions expand past {@link Limits#SIGMA_REGEX_PROGRAM} instructions is refused before RE2J builds it.
 */
final class RegexModifiers {

    private RegexModifiers() {}

    static final TestBuilder REGEX = RegexModifiers::build;

    static final List<Modifier> ALL = List.of(
            Modifier.of("re", c -> c.type("re", REGEX)),
            flag('i'),
            flag('m'),
            flag('s'));

    private static Modifier flag(char f) {
        return Modifier.of(String.valueOf(f), c -> {
            if (!"re".equals(c.typeName())) throw new ModifierException("'" + f + "' only follows 're'");
            c.regexFlags.add(f);
        });
    }

    private static ValueTest build(SigmaValue v, ValueChain chain) throws ModifierException {
        if (!(v instanceof SigmaValue.Str s)) throw new ModifierException("'re' takes a string, not " + v);
        int flags = 0;
        if (chain.regexFlags.contains('i')) flags |= Pattern.CASE_INSENSITIVE;
        if (chain.regexFlags.contains('m')) flags |= Pattern.MULTILINE;
        if (chain.regexFlags.contains('s')) flags |= Pattern.DOTALL;
        long size = RegexProgramSize.estimate(s.raw(), Limits.SIGMA_REGEX_PROGRAM);
        if (size > Limits.SIGMA_REGEX_PROGRAM) {
            throw new ModifierException("regular expression '" + Evidence.shorten(s.raw(), 100) + "' is too large: its repetitions"
                    + " expand to more than " + Limits.SIGMA_REGEX_PROGRAM + " instructions");
        }
        try {
            return new RegexTest(Pattern.compile(s.raw(), flags), Fold.fold(RegexLiterals.required(s.raw())));
        } catch (PatternSyntaxException e) {
            throw new ModifierException("bad regular expression '" + s.raw() + "': " + e.getDescription());
        }
    }

    /** A pattern, and a folded literal every match contains (possibly empty), checked first since it is cheap. */
    static final class RegexTest implements ValueTest {
        private final Pattern pattern;
        private final String required;
        private final Need need;

        RegexTest(Pattern pattern, String required) {
            this.pattern = pattern;
            this.required = required;
            this.need = Need.literal(required);
        }

        @Override
        public boolean test(String value, String folded, Evaluation ev) {
            return folded.contains(required) && pattern.matcher(value).find();
        }

        @Override
        public Need need() {
            return need;
        }
    }
}
