package org.exhunt.kb;

import java.time.Instant;
import java.util.List;
import org.exhunt.core.facts.BuildFacts;
import org.exhunt.core.facts.BuildSighting;
import org.exhunt.core.facts.BuildSource;
import org.exhunt.core.facts.OwaFolder;
import org.exhunt.core.facts.Support;
import org.exhunt.core.facts.UpdatePath;
import org.exhunt.core.facts.UpdateStep;

/**
 * What the knowledge base says of a server's build, as the facts a result carries: the build's name, its product
 * line's support status and its update path. Shared by a scan and a probe.
 */
public final class BuildFactsOf {

    private BuildFactsOf() {}

    /**
     * @param a             the assessment of the build the verdicts use
     * @param disagreements other sightings that disagree with it
     * @param folders       the OWA version folders seen
     */
    public static BuildFacts of(BuildAssessment a, BuildSource source, String path, Instant from, Instant to,
                                List<BuildSighting> disagreements, List<OwaFolder> folders) {
        return new BuildFacts(sighting(a, source, path, from, to), null, disagreements, folders,
                a.productLine().map(BuildFactsOf::support).orElse(null), a.path().map(BuildFactsOf::updatePath).orElse(null));
    }

    /** No build was found, and why. */
    public static BuildFacts unknown(String why, List<OwaFolder> folders) {
        return new BuildFacts(null, why, List.of(), folders, null, null);
    }

    /** A sighting of the assessed build, named as the knowledge base names it. */
    public static BuildSighting sighting(BuildAssessment a, BuildSource source, String path, Instant from, Instant to) {
        return new BuildSighting(a.build().toString(), a.description(), source, path, from, to);
    }

    public static Support support(ProductLine p) {
        return new Support(p.name(), p.endOfSupport(), p.supportNote());
    }

    public static UpdatePath updatePath(org.exhunt.kb.UpdatePath p) {
        boolean oneStep = p.upToDate() || p.latestUpdate().equals(p.latestCu());
        return new UpdatePath(p.upToDate(), oneStep ? List.of(step(p.latestUpdate()))
                : List.of(step(p.latestCu()), step(p.latestUpdate())));
    }

    private static UpdateStep step(Build b) {
        return new UpdateStep(b.update(), b.number().toString(), b.kb(), b.released());
    }
}
