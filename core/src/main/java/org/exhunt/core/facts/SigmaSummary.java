package org.exhunt.core.facts;

import java.io.Serializable;
import java.util.List;

/**
 * The Sigma rules a scan ran: the pack's and the user's ({@code --sigma}).
 *
 * @param rules                    rules loaded, correlations included
 * @param correlations             of which correlations
 * @param forLogsNotRead           rules for log sources exhunt does not read
 * @param inactive                 rules with placeholders that have no values
 * @param needInstallPathNotRun    the pack's rule files that need the Exchange install path and did not run on this
 *                                 server because none was found, sorted
 * @param fileRecords              what the rules on file records saw, or null when no loaded rule reads file records
 */
public record SigmaSummary(int rules, int correlations, int forLogsNotRead, int inactive,
                           List<String> needInstallPathNotRun, FileRecords fileRecords) implements Serializable {

    public SigmaSummary {
        needInstallPathNotRun = List.copyOf(needInstallPathNotRun);
    }

    /**
     * @param described   files described as a file record
     * @param withContent of which with {@code sha256} and {@code head} (their content was read for the file detectors)
     */
    public record FileRecords(long described, long withContent) implements Serializable {}
}
