package org.exhunt.hunt.verdict;

import org.exhunt.core.Exposure;
import org.exhunt.core.facts.ExposureWindow;

/**
 * What is known about one row before its findings are weighed: the row, the server's exposure to it now with the
 * reason, and when the server was possibly exposed to it with what the logs cover of that ({@link ExposureWindows}).
 */
public record RowAssessment(RowProfile profile, Exposure exposure, String exposureReason, ExposureWindow window) {}
