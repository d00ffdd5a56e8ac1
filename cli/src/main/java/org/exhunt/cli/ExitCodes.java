package org.exhunt.cli;

import java.util.Collection;
import java.util.List;
import org.exhunt.core.Exposure;
import org.exhunt.core.ServerResult;
import org.exhunt.core.Verdict;

/**
 * The exit codes of {@code scan}, {@code probe}, {@code build}, {@code rules check}, {@code sigma} and
 * {@code dump} (ARCHITECTURE.md): the first that applies wins, in the order 2, 70, 1, 4, 3, 0.
 */
public final class ExitCodes {

    private ExitCodes() {}

    public static final int OK = 0;
    public static final int COMPROMISE = 1;
    public static final int USAGE = 2;
    public static final int INCOMPLETE = 3;
    public static final int EXPOSED = 4;
    public static final int INTERNAL_ERROR = 70;

    // What each code means, for the commands' help (picocli's "code:meaning"); README.md's "Exit codes" table says the
    // same words, which ExitCodesDocumentedTest checks for every command.
    static final String HEADING = "%nExit codes (the first that applies):%n";
    static final String OK_MEANING = "0:everything read, nothing to report (patched, clean, no rule fired)";
    static final String COMPROMISE_MEANING = "1:evidence of compromise: a row ATTEMPTED or COMPROMISED (sigma: a rule fired)";
    static final String USAGE_MEANING = "2:usage error (bad option, missing path): the message and one hint line";
    static final String INCOMPLETE_MEANING = "3:incomplete: input not read, a target not answering, a verdict CANNOT_TELL or"
            + " UNKNOWN, a rule not loaded";
    static final String EXPOSED_MEANING = "4:no evidence of compromise, but exposed (a row VULNERABLE)";
    static final String INTERNAL_MEANING = "70:internal error (a bug: please report it, README.md says how)";
    static final String YARA_OK_MEANING = "0:rules matched or not, as yara";
    static final String YARA_ERROR_MEANING = "1:any error, a usage error included, as yara";

    /** The code for the results of a run. */
    public static int of(List<ServerResult> results) {
        List<Verdict> verdicts = results.stream().flatMap(r -> r.verdicts().stream()).toList();
        if (verdicts.stream().anyMatch(Verdict::hasEvidenceOfCompromise)) return COMPROMISE;
        if (verdicts.stream().anyMatch(v -> v.exposure() == Exposure.VULNERABLE)) return EXPOSED;
        if (verdicts.stream().anyMatch(Verdict::isUndecided)
                || results.stream().anyMatch(ServerResult::isIncomplete)) return INCOMPLETE;
        return OK;
    }

    /** The code of a run made of parts whose codes are {@code a} and {@code b}: the first that applies wins. */
    public static int worst(int a, int b) {
        for (int code : new int[] {USAGE, INTERNAL_ERROR, COMPROMISE, EXPOSED, INCOMPLETE}) {
            if (a == code || b == code) return code;
        }
        return OK;
    }

    /** The code for exposures alone ({@code build}): 4 when one is VULNERABLE, else 3 when one is UNKNOWN. */
    public static int ofExposures(Collection<Exposure> exposures) {
        if (exposures.contains(Exposure.VULNERABLE)) return EXPOSED;
        if (exposures.contains(Exposure.UNKNOWN)) return INCOMPLETE;
        return OK;
    }
}
