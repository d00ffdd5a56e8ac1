package org.exhunt.hunt.exposure;

import org.exhunt.core.facts.BuildFacts;
import org.exhunt.core.facts.ExtendedProtection;
import org.exhunt.core.facts.Mitigations;
import org.exhunt.hunt.build.DetectedBuild;
import org.exhunt.kb.ExposureAssessment;

/**
 * A server's exposure, with what it rests on.
 *
 * @param assessment         one exposure per verdict row (UNKNOWN rows when no build was found)
 * @param build              every sighting of the build and the one used
 * @param buildFacts         the build as the result reports it: where it was read, disagreements, OWA version
 *                           folders, support status, update path
 * @param mitigations        the rewrite rules found, counted or not
 * @param extendedProtection Extended Protection, as applicationHost.config sets it
 */
public record ServerExposure(ExposureAssessment assessment, DetectedBuild build, BuildFacts buildFacts,
                             Mitigations mitigations, ExtendedProtection extendedProtection) {}
