package org.exhunt.hunt.exposure;

import java.util.List;
import org.exhunt.hunt.build.DetectedBuild;
import org.exhunt.hunt.mitigation.Mitigations;
import org.exhunt.kb.ExposureAssessment;

/**
 * A server's exposure, with what it rests on.
 *
 * @param assessment  one exposure per verdict row (UNKNOWN rows when no build was found)
 * @param build       every sighting of the build and the one used
 * @param mitigations the rewrite rules and Extended Protection found
 * @param notes       lines for the report: the build and where it came from, disagreements, support status,
 *                    update path, mitigations, Extended Protection
 */
public record ServerExposure(ExposureAssessment assessment, DetectedBuild build, Mitigations mitigations,
                             List<String> notes) {

    public ServerExposure {
        notes = List.copyOf(notes);
    }
}
