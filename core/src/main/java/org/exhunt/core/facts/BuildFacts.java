package org.exhunt.core.facts;

import java.io.Serializable;
import java.util.List;

/**
 * The server's build: the sighting the verdicts use and where it was read, the sightings that disagree with it, the
 * OWA version folders, and what the knowledge base says (support, update path).
 *
 * @param chosen        the build the verdicts use, or null when none was found
 * @param unknownWhy    why no build was found ({@code no Exchange install in the evidence}), or null
 * @param disagreements sightings of another build where the newest evidence of another source is (not the history
 *                      of older logs and folders)
 * @param owaFolders    every OWA version folder, in build order
 * @param support       the product line's support status, or null for an unknown product or build
 * @param updatePath    what to install, or null for an unknown product or build
 */
public record BuildFacts(BuildSighting chosen, String unknownWhy, List<BuildSighting> disagreements,
                         List<OwaFolder> owaFolders, Support support, UpdatePath updatePath) implements Serializable {

    public BuildFacts {
        disagreements = List.copyOf(disagreements);
        owaFolders = List.copyOf(owaFolders);
    }
}
