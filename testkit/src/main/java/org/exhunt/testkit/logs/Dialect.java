package org.exhunt.testkit.logs;

import java.util.SplittableRandom;

/** How one kind of log writes its header, its everyday lines and the planted events it shows. */
interface Dialect {

    /** The header block (directives, a bare CSV header), written at the start and after each restart. */
    void header(LineBuffer b, long time);

    /** One line of ordinary traffic at {@code time}. */
    void line(LineBuffer b, long time, SplittableRandom random);

    /** Writes the trace of {@code event} and returns true, or returns false when this log does not show it. */
    boolean planted(LineBuffer b, long time, PlantedEvent event);

    /** Shows another build from now on; false for a log that shows no build. */
    default boolean build(String build) {
        return false;
    }

    /** Where a log of this kind starting at {@code time} lies on the server's drive ('/'-separated). */
    String serverPath(long time);
}
