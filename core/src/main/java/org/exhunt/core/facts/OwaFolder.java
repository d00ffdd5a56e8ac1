package org.exhunt.core.facts;

import java.io.Serializable;
import java.time.Instant;

/**
 * An OWA version folder ({@code FrontEnd\HttpProxy\owa\auth\15.1.2176}): each CU a server ran leaves one.
 *
 * @param build    the CU's build, three parts
 * @param path     the folder as on the server
 * @param earliest the modification time of its oldest file, or null
 * @param relation how its CU relates to the build used, or null when no build was chosen
 */
public record OwaFolder(String build, String path, Instant earliest, Relation relation) implements Serializable {

    /** How a folder's CU relates to the CU of the build the verdicts use. */
    public enum Relation {
        /** The build's own CU. */
        SAME_CU,
        /** An earlier CU's, left behind by an update. */
        EARLIER_CU,
        /** A later CU's than the build used. */
        LATER_CU
    }
}
