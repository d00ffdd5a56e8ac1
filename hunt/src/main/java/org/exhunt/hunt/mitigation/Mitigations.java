package org.exhunt.hunt.mitigation;

import java.util.List;
import java.util.Set;

/**
 * The mitigations found on a server.
 *
 * @param presentRuleIds     ids of the knowledge base's rewrite rules found in effect
 * @param notes              what was found where, and what was found but not counted (and why)
 * @param extendedProtection one line on Extended Protection: on, partly on, off or not visible
 */
public record Mitigations(Set<String> presentRuleIds, List<String> notes, String extendedProtection) {

    public Mitigations {
        presentRuleIds = Set.copyOf(presentRuleIds);
        notes = List.copyOf(notes);
    }
}
