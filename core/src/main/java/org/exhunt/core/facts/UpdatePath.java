package org.exhunt.core.facts;

import java.io.Serializable;
import java.util.List;

/**
 * What to install, as far as the knowledge base knows: the product's latest CU, then the latest update on it.
 *
 * @param upToDate true when the build is already at or past the latest update; {@code steps} then holds that update
 * @param steps    the builds to install in order (the latest CU, then its latest update when that is another build)
 */
public record UpdatePath(boolean upToDate, List<UpdateStep> steps) implements Serializable {

    public UpdatePath {
        steps = List.copyOf(steps);
    }
}
