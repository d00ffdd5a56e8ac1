package org.exhunt.hunt.verdict;

import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.Compromise;
import org.exhunt.core.Finding;
import org.exhunt.core.Severity;
import org.exhunt.core.Verdict;
import org.exhunt.kb.ExposureAssessment;
import org.exhunt.kb.RowExposure;

/**
 * The rows of the knowledge base (each chain, each other exploited CVE): exposure from the
 * {@link ExposureAssessment}, compromise from the findings attributed to the row (a finding whose
 * {@link Finding#chain()} names it): COMPROMISED when one is high or critical, ATTEMPTED when there are only lesser
 * ones, CLEAN when none.
 */
public final class ChainVerdicts {

    private ChainVerdicts() {}

    public static List<Verdict> decide(String server, ExposureAssessment exposure, List<Finding> findings) {
        List<Verdict> verdicts = new ArrayList<>();
        for (RowExposure row : exposure.rows()) {
            List<Finding> mine = findings.stream().filter(f -> row.row().equals(f.chain())).toList();
            Compromise compromise = mine.isEmpty() ? Compromise.CLEAN
                    : mine.stream().anyMatch(f -> f.severity().compareTo(Severity.HIGH) >= 0) ? Compromise.COMPROMISED
                    : Compromise.ATTEMPTED;
            String reason = row.reason() + (mine.isEmpty() ? "" : "; " + mine.size() + (mine.size() == 1 ? " finding" : " findings"));
            verdicts.add(new Verdict(server, row.row(), row.exposure(), compromise, reason));
        }
        return verdicts;
    }
}
