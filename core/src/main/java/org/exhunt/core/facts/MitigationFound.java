package org.exhunt.core.facts;

import java.io.Serializable;

/**
 * A URL-rewrite rule found in the IIS configuration that carries a mitigation the knowledge base describes (EOMT's,
 * EOMTv2's), and whether it counts.
 *
 * @param mitigation the knowledge base's id of the mitigation
 * @param group      {@code EOMT}, {@code EOMTv2}, ...
 * @param blocks     what it blocks ({@code CVE-2021-26855})
 * @param rule       the rewrite rule's name
 * @param where      the file and line it was read at
 * @param scope      {@code server}, or the site it applies to
 * @param status     whether it counts as a mitigation
 * @param why        why it does not count (the reason, or the knowledge base's note on a superseded rule), or null
 */
public record MitigationFound(String mitigation, String group, String blocks, String rule, String where, String scope,
                              Status status, String why) implements Serializable {

    /** Whether a rule found counts. */
    public enum Status {
        /** In effect: the row is MITIGATED on a vulnerable build. */
        COUNTED,
        /** It carries the mitigation's condition but is not in effect (disabled, another action, limited scope). */
        NOT_COUNTED,
        /** A rule the knowledge base says a later one replaced. */
        SUPERSEDED
    }
}
