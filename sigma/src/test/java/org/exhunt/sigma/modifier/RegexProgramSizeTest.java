package org.exhunt.sigma.modifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Random;
import org.exhunt.core.Limits;
import org.junit.jupiter.api.Test;

/** The estimate against the instructions RE2J really compiles: never fewer, and huge ones caught before compiling. */
class RegexProgramSizeTest {

    private static final long NO_CAP = Long.MAX_VALUE / 4;

    @Test
    void neverEstimatesFewerInstructionsThanRe2jCompiles() throws ReflectiveOperationException {
        Random random = new Random(3);
        int compiled = 0;
        for (int round = 0; round < 5_000; round++) {
            String re = randomRegex(random, 3);
            Pattern p;
            try {
                p = Pattern.compile(re);
            } catch (PatternSyntaxException e) {
                continue;
            }
            compiled++;
            assertThat(RegexProgramSize.estimate(re, NO_CAP)).as(re).isGreaterThanOrEqualTo(instructions(p));
        }
        assertThat(compiled).isGreaterThan(2_500);
    }

    @Test
    void estimatesNestedRepetitionsBeforeAnythingIsBuilt() {
        String nested = "(?:(?:(?:(?:a{100}){100}){100}){100})";
        assertThat(RegexProgramSize.estimate(nested, Limits.SIGMA_REGEX_PROGRAM)).isEqualTo(Limits.SIGMA_REGEX_PROGRAM + 1);
        assertThat(RegexProgramSize.estimate("x{1000}{1000}{1000}{1000}{1000}{1000}", Long.MAX_VALUE / 2))
                .as("saturates instead of overflowing").isLessThanOrEqualTo(Long.MAX_VALUE / 2 + 1);
        assertThat(RegexProgramSize.estimate("\\\\[a-z]{1,64}\\.(exe|dll)$", Limits.SIGMA_REGEX_PROGRAM)).isLessThan(200);
    }

    @Test
    void endsOnMalformedExpressions() {
        for (String re : new String[] {"(((", ")))", "[abc", "\\", "\\Qabc", "a{", "a{1,", "\\x{41", "\\p{", "[[:alp"}) {
            assertThat(RegexProgramSize.estimate(re, Limits.SIGMA_REGEX_PROGRAM)).as(re).isPositive();
        }
    }

    /** The size of the program RE2J compiled: package-private, so read by reflection (a test may). */
    private static int instructions(Pattern p) throws ReflectiveOperationException {
        Method re2 = Pattern.class.getDeclaredMethod("re2");
        re2.setAccessible(true);
        Object compiled = re2.invoke(p);
        Field prog = compiled.getClass().getDeclaredField("prog");
        prog.setAccessible(true);
        Object program = prog.get(compiled);
        Method numInst = program.getClass().getDeclaredMethod("numInst");
        numInst.setAccessible(true);
        return (int) numInst.invoke(program);
    }

    private static String randomRegex(Random r, int depth) {
        StringBuilder s = new StringBuilder();
        int items = 1 + r.nextInt(4);
        for (int i = 0; i < items; i++) {
            switch (r.nextInt(depth > 0 ? 10 : 7)) {
                case 0 -> s.append("[a-z0-9_]");
                case 1 -> s.append("\\d");
                case 2 -> s.append(".");
                case 3 -> s.append("\\x41");
                case 4 -> s.append("\\p{L}");
                case 5 -> s.append("\\Qa.b\\E");
                case 6 -> s.append((char) ('a' + r.nextInt(26)));
                case 7 -> s.append("(?:").append(randomRegex(r, depth - 1)).append(')');
                case 8 -> s.append('(').append(randomRegex(r, depth - 1)).append('|').append(randomRegex(r, depth - 1)).append(')');
                default -> s.append("(?i)").append(randomRegex(r, depth - 1));
            }
            switch (r.nextInt(8)) {
                case 0 -> s.append('*');
                case 1 -> s.append('+');
                case 2 -> s.append("??");
                case 3 -> s.append('{').append(r.nextInt(6)).append('}');
                case 4 -> s.append('{').append(r.nextInt(4)).append(',').append(4 + r.nextInt(4)).append('}');
                case 5 -> s.append('{').append(r.nextInt(5)).append(",}");
                default -> { }
            }
        }
        if (r.nextInt(5) == 0) s.append('|').append(randomRegex(r, depth - 1));
        return s.toString();
    }
}
