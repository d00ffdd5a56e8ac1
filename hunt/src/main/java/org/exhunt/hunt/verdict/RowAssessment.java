package org.exhunt.hunt.verdict;

import org.exhunt.core.Exposure;

/**
 * What is known about one row before its findings are weighed: the row, the server's exposure to it with the
 * reason, and the reach of the logs that could show it ({@code null} when there are none).
 */
public record RowAssessment(RowProfile profile, Exposure exposure, String exposureReason, LogWindow window) {}
