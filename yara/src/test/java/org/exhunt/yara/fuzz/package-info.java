/**
 * Coverage-guided fuzzing (Jazzer) of the engine as a user meets it: rule text from untrusted hands and
 * hostile files ({@code org.exhunt.yara.regex.RegexFuzzTest} fuzzes the regex machines). Each target replays
 * its kept inputs in every build and fuzzes for a minute with {@code JAZZER_FUZZ=1} (see {@code .ci/run}).
 *
 * <p>How to fuzz longer, and what to do with a finding: docs/yara.md.
 */
package org.exhunt.yara.fuzz;
