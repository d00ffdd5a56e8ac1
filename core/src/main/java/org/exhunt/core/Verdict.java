package org.exhunt.core;

import java.io.Serializable;
import java.util.Objects;
import org.exhunt.core.facts.ExposureWindow;

/**
 * The answer for one server and one row (an attack chain, an exploited CVE, or post-exploitation): exposure,
 * compromise, the conclusion in a few words and the whole explanation.
 *
 * @param reason the conclusion a verdict table holds, at most {@link #REASON_LENGTH} characters
 * @param detail the whole explanation: the build's exposure, the evidence, which logs covered what and what would
 *               settle an open question; {@code reason} when there is nothing more to say
 * @param window when the server was possibly exposed to the chain and what the logs covered of it, or null (the
 *               Post-exploitation row, a probe, a row whose product is not affected)
 */
public record Verdict(String server, String row, Exposure exposure, Compromise compromise, String reason, String detail,
                      ExposureWindow window) implements Serializable {

    /** The longest {@link #reason}: a verdict table holds it on one line. */
    public static final int REASON_LENGTH = 160;

    public Verdict {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(exposure, "exposure");
        Objects.requireNonNull(compromise, "compromise");
        Objects.requireNonNull(reason, "reason");
        if (detail == null) detail = reason;
    }

    /** A verdict whose reason says everything, without an exposure window. */
    public Verdict(String server, String row, Exposure exposure, Compromise compromise, String reason) {
        this(server, row, exposure, compromise, reason, reason, null);
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
