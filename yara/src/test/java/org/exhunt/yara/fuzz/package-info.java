/**
 * Coverage-guided fuzzing (Jazzer) of the engine as a user meets it: rule text from untrusted hands and
 * hostile files ({@code org.exhunt.yara.regex.RegexFuzzTest} fuzzes the regex machines). Each target replays
 * its kept inputs in every build and fuzzes for a minute with {@code JAZZER_FUZZ=1} (see {@code .ci/run}).
 *
 * <p>A longer run repeats that minute: the corpus Jazzer builds in {@code yara/.cifuzz-corpus/} carries over
 * from run to run, so an hour is
 * <pre>
 * for i in $(seq 60); do JAZZER_FUZZ=1 ./mvnw -B -q test -pl yara -am -Dtest=ScanFuzzTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djunit.jupiter.execution.timeout.mode=disabled -Djazzer.trace=cov; done
 * </pre>
 * A finding stops the loop and is written as {@code yara/crash-*}: move it into the target's
 * {@code *FuzzTestInputs/<method>/} folder under {@code src/test/resources}, with a name that says what it
 * found, so that it replays as a regression test; then fix the engine.
 */
package org.exhunt.yara.fuzz;
