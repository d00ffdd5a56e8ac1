package org.exhunt.hunt.exposure;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.exhunt.core.facts.ExposureWindow.Span;
import org.exhunt.hunt.history.BuildTimeline;
import org.exhunt.hunt.verdict.ExposureWindows;
import org.exhunt.hunt.verdict.RowAssessment;
import org.exhunt.hunt.verdict.RowProfile;
import org.exhunt.kb.KnowledgeBase;
import org.exhunt.kb.Row;
import org.exhunt.kb.RowExposure;

/**
 * What the verdicts need per row ({@link RowAssessment}): the row from the knowledge base, the server's exposure now
 * with its reason, and its exposure window: when the build timeline leaves the server possibly exposed since the
 * chain's first exploitation in the wild, and what the logs that can show it cover of that.
 */
public final class RowAssessments {

    private RowAssessments() {}

    /**
     * @param timeline which build ran when
     * @param covered  the time the IIS and HttpProxy logs cover
     */
    public static List<RowAssessment> of(KnowledgeBase kb, ServerExposure exposure, BuildTimeline timeline, List<Span> covered) {
        List<RowAssessment> out = new ArrayList<>();
        for (RowExposure e : exposure.assessment().rows()) {
            Row row = kb.row(e.row()).orElseThrow();
            RowProfile profile = new RowProfile(row.name(), row.cves(),
                    row.firstExploited().atStartOfDay(ZoneOffset.UTC).toInstant(), row.firstExploitedSource());
            out.add(new RowAssessment(profile, e.exposure(), e.reason(),
                    ExposureWindows.of(row.name(), profile.firstExploited(), timeline, covered)));
        }
        return out;
    }
}
