package org.exhunt.core;

import java.io.Serializable;
import java.util.Objects;

/**
 * The answer for one server and one row (an attack chain, an exploited CVE, or post-exploitation):
 * exposure, compromise and the reason a person reads.
 */
public record Verdict(String server, String row, Exposure exposure, Compromise compromise, String reason) implements Serializable {

    public Verdict {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(exposure, "exposure");
        Objects.requireNonNull(compromise, "compromise");
        Objects.requireNonNull(reason, "reason");
    }

    /** True when the verdict shows an attack was at least tried. */
    public boolean hasEvidenceOfCompromise() {
        return compromise == Compromise.ATTEMPTED || compromise == Compromise.COMPROMISED;
    }

    /** True when the run could not decide this row: the answer is incomplete. */
    public boolean isUndecided() {
        return compromise == Compromise.CANNOT_TELL || exposure == Exposure.UNKNOWN;
    }
}
