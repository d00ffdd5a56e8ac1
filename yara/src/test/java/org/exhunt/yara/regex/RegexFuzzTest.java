package org.exhunt.yara.regex;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.exhunt.yara.data.Deadline;
import org.exhunt.yara.data.ScanData;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of the regex machines: for any pattern the parser accepts and any data,
 * the VM with remembered steps (a lazy DFA) must find exactly what the plain VM finds, forwards and
 * backwards, at every start, with one VM of each kind reused across runs as in a scan; and neither may fail
 * other than by running out of fibers, both at once.
 *
 * <p>{@code ./mvnw test -pl yara -am -Dtest=RegexFuzzTest} replays the inputs kept under
 * {@code src/test/resources/org/exhunt/yara/regex/RegexFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it
 * fuzzes for {@code maxDuration} (CI runs that), and a finding is kept there as a new input.
 */
class RegexFuzzTest {

    private static final int[] FLAG_SETS = {0, PikeVm.NO_CASE, PikeVm.DOT_ALL, PikeVm.WIDE,
        PikeVm.NO_CASE | PikeVm.WIDE | PikeVm.DOT_ALL};

    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @FuzzTest(maxDuration = "60s")
    void rememberedStepsFindWhatTheVmFinds(FuzzedDataProvider data) {
        byte[] pattern = data.consumeBytes(data.consumeInt(1, 48));
        int flags = data.pickValue(FLAG_SETS);
        byte[] input = data.consumeRemainingAsBytes();
        Program forward;
        Program backward;
        try {
            RegexAst ast = RegexParser.parse(pattern);
            forward = RegexEmitter.forwards(ast);
            backward = RegexEmitter.backwards(ast);
        } catch (RegexSyntaxException e) {
            return;
        }
        PikeVm remembering = new PikeVm(true, new Deadline());
        PikeVm plain = new PikeVm(false, new Deadline());
        for (int pos = 0; pos <= Math.min(input.length, 24); pos++) {
            for (int round = 0; round < 2; round++) {
                assertThat(run(remembering, forward, input, pos, flags))
                        .isEqualTo(run(plain, forward, input, pos, flags));
                int back = flags | PikeVm.BACKWARDS | PikeVm.EXHAUSTIVE;
                assertThat(run(remembering, backward, input, pos, back)).isEqualTo(run(plain, backward, input, pos, back));
            }
        }
    }

    /** The run's result and every match it reported, or that it ran out of fibers. */
    private static List<Integer> run(PikeVm vm, Program p, byte[] data, int pos, int flags) {
        List<Integer> seen = new ArrayList<>();
        try {
            seen.add(vm.exec(p, 0, ScanData.of(data), pos, data.length - pos, pos, flags, (start, length) -> {
                seen.add(start);
                seen.add(length);
            }));
        } catch (TooManyFibersException e) {
            seen.add(Integer.MIN_VALUE);
        }
        return seen;
    }
}
