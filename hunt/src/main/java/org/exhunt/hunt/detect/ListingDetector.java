package org.exhunt.hunt.detect;

import java.util.function.Consumer;
import org.exhunt.core.Finding;

/**
 * Looks at a server's file listing, by name, place, size and time only: cheap enough to run over every file of the
 * drive, where the file detectors read only the web folders. Runs once per server, on the scan's own thread.
 */
public interface ListingDetector {

    void examine(Listing listing, Consumer<Finding> findings);
}
